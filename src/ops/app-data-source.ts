import type { App } from '../app/types.js';
import type { OpsDataSource } from './data-source.js';
import type { HumandDaySource } from './views/humand-days.js';

export interface AppDataSource extends OpsDataSource {
  /** Nothing to release today; kept so callers need not know. */
  close(): void;
}

/**
 * The running App as the operations surface sees it. Searches read the ledger directly
 * (read-only): the explorer scans many punches and needs no delivery history for each.
 * "Last access event" is the App's own: it counts only events new to the ledger.
 */
export async function opsDataSourceFromApp(app: App, humandDays?: HumandDaySource): Promise<AppDataSource> {
  const { timezone } = await app.status();
  return {
    timezone,
    status: () => app.status(),
    punches: (query) => app.store.findPunches(query),
    countsForDay: (day) => app.store.countsByOutcome(day),
    persons: () => app.store.listPersons(),
    users: () => app.store.listUsers(),
    attemptsOf: (punchId) => app.store.attemptsOf(punchId),
    mappingCoverage: () => app.mappingCoverage(),
    ranges: app.store,
    redrive: (selection) => app.deadLetters.retry('all' in selection ? { all: true, outcomes: ['dead'] } : selection),
    markFixed: (ids, by) => app.deadLetters.markFixed({ ids }, by),
    reprocess: (range) => app.reprocess(range),
    probeStoreWritable: () => app.probeStoreWritable(),
    unreadableInputs: () => app.unreadableInputs(),
    subscribe: (listener) => app.subscribe(listener),
    close: () => undefined,
    ...(humandDays ? { humandDays } : {}),
  };
}
