import type { RulesConfig, TimeClockRule } from '../../src/config/types.js';
import { DEFAULT_DOOR_STATE_EVENT_CODES, DEFAULT_GRANTED_EVENT_CODES, DEFAULT_REFUSED_EVENT_CODES } from '../../src/config/event-codes.js';

export function clockRule(overrides: Partial<TimeClockRule> = {}): TimeClockRule {
  return { door: null, reader: null, mode: 'door', direction: 'in', debounceMs: null, label: null, ...overrides };
}

export function rules(overrides: Partial<RulesConfig> = {}): RulesConfig {
  return {
    timeClocks: [clockRule({ reader: 'Facial Entrada', direction: 'in' }), clockRule({ reader: 'reader-out', direction: 'out' })],
    grantedEventCodes: DEFAULT_GRANTED_EVENT_CODES,
    refusedEventCodes: DEFAULT_REFUSED_EVENT_CODES,
    doorStateEventCodes: DEFAULT_DOOR_STATE_EVENT_CODES,
    mapping: { strategy: 'personCode', customField: null, csvFile: null, humandField: null },
    debounceMs: 60_000,
    settleDelayMs: 5_000,
    dayBoundaryHour: 4,
    alternationPolicy: 'suppress',
    futureToleranceMs: 120_000,
    commentTemplate: '{label}',
    ...overrides,
  };
}
