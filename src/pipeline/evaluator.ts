import type { PunchRecord, PunchUpdate } from '../store/punch.js';
import { announce, punchLogger, type PipelineContext } from './context.js';
import { chooseActiveUser, mappingKeyOf } from './decisions/mapping.js';
import { classifyPassage } from './decisions/passage.js';
import { isBeyondSkew, workingDayOf } from './decisions/time.js';
import type { MappingDirectory } from './mapping-directory.js';

export interface EvaluationSummary {
  readonly evaluated: number;
  readonly queued: number;
  readonly ignored: number;
  readonly unmapped: number;
  readonly held: number;
}

/**
 * First decisions on newly recorded punches (and on parked ones when a mapping may have
 * appeared): is it a time-clock passage, who is it, is its time in the future. Order-dependent
 * decisions (debounce, direction, alternation) wait for delivery, after the settle delay.
 */
export class Evaluator {
  constructor(
    private readonly context: PipelineContext,
    private readonly mappings: MappingDirectory,
  ) {}

  async evaluate(options: { includeUnmapped?: boolean } = {}): Promise<EvaluationSummary> {
    const { store } = this.context;
    const outcomes: ('received' | 'unmapped')[] = ['received'];
    if (options.includeUnmapped) outcomes.push('unmapped');
    const punches = await store.listByOutcome(outcomes);
    const updates: { punch: PunchRecord; update: PunchUpdate }[] = [];
    for (const punch of punches) {
      const update = await this.decide(punch);
      // Guarded: on a shared ledger another instance may have decided (and delivered) it meanwhile.
      if (update.outcome !== punch.outcome || update.reason !== punch.reason || update.employeeId !== punch.employeeId) updates.push({ punch, update: { ...update, expectedOutcome: punch.outcome } });
    }
    if (updates.length > 0) await store.updatePunches(updates.map((u) => u.update), this.context.clock.now());
    const counts = { evaluated: punches.length, queued: 0, ignored: 0, unmapped: 0, held: 0 };
    for (const { punch, update } of updates) {
      if (update.outcome === 'queued') counts.queued++;
      else if (update.outcome === 'ignored') counts.ignored++;
      else if (update.outcome === 'unmapped') counts.unmapped++;
      else if (update.outcome === 'held') counts.held++;
      if (update.outcome !== punch.outcome) {
        announce(this.context, punch, update);
        const log = punchLogger(this.context, punch);
        const fields = { outcome: update.outcome, reason: update.reason ?? undefined, employee: update.employeeId ?? undefined, door: punch.doorName ?? punch.doorIndexCode, eventTime: punch.eventTime };
        if (update.outcome === 'unmapped') log.warn(fields, 'mapping failure: punch parked until a mapping appears');
        else log.info(fields, `event processed: ${update.outcome}`);
      }
    }
    return counts;
  }

  private async decide(punch: PunchRecord): Promise<PunchUpdate> {
    const { rules } = this.context;
    if (punch.eventMs === null) return { id: punch.id, outcome: 'ignored', reason: `ignored: unreadable event time "${punch.eventTime}"` };
    const passage = classifyPassage(punch, rules);
    if (passage.kind === 'ignored') return { id: punch.id, outcome: 'ignored', reason: passage.reason };
    const person = punch.personId === null ? null : await this.mappings.person(punch.personId);
    const key = mappingKeyOf(punch, person, rules.mapping, this.mappings.csvMap());
    const personCode = punch.personCode === null && person?.personCode ? { personCode: person.personCode } : {};
    if (!key.ok) return { id: punch.id, outcome: 'unmapped', reason: key.reason, employeeId: null, ...personCode };
    const field = rules.mapping.strategy === 'csv' ? null : rules.mapping.humandField;
    const candidates =
      field === null
        ? [await this.context.store.getUser(key.key)].filter((u) => u !== null)
        : await this.context.store.findUsersByField(field, key.key);
    const choice = chooseActiveUser(key.key, candidates, field);
    if (!choice.ok) return { id: punch.id, outcome: 'unmapped', reason: `${choice.reason} (${key.via})`, employeeId: null, ...personCode };
    const workingDay = workingDayOf(punch.eventMs, this.context.siteTimezone, rules.dayBoundaryHour);
    if (isBeyondSkew(punch.eventMs, this.context.clock.now(), rules.futureToleranceMs)) {
      return { id: punch.id, outcome: 'held', reason: 'held: the event time is in the future; delivered once it is not', employeeId: choice.user.employeeInternalId, workingDay, ...personCode };
    }
    return { id: punch.id, outcome: 'queued', reason: null, employeeId: choice.user.employeeInternalId, workingDay, ...personCode };
  }
}
