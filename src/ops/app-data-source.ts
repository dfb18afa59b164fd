import type { App } from '../app/types.js';
import type { Clock } from '../domain/ports.js';
import type { OpsDataSource } from './data-source.js';

export interface AppDataSource extends OpsDataSource {
  /** Stops listening to the App. */
  close(): void;
}

/**
 * The running App as the operations surface sees it. Searches read the ledger directly
 * (read-only): the explorer scans many punches and needs no delivery history for each.
 *
 * "Last access event" counts only events new to the ledger: a poll re-reads its look-back
 * window every time, and re-pushed copies are not new either, so neither may make a
 * silent site look alive.
 */
export async function opsDataSourceFromApp(app: App, clock: Clock): Promise<AppDataSource> {
  const { timezone } = await app.status();
  let lastFreshMs: number | null = null;
  const unsubscribe = app.subscribe((event) => {
    if (event.type === 'events-received' && event.fresh > 0) lastFreshMs = clock.now();
  });
  return {
    timezone,
    async status() {
      const status = await app.status();
      return lastFreshMs === null ? status : { ...status, lastEventMs: lastFreshMs };
    },
    punches: (query) => app.store.findPunches(query),
    countsForDay: (day) => app.store.countsByOutcome(day),
    persons: () => app.store.listPersons(),
    users: () => app.store.listUsers(),
    attemptsOf: (punchId) => app.store.attemptsOf(punchId),
    mappingCoverage: () => app.mappingCoverage(),
    redrive: (selection) => app.deadLetters.retry(selection),
    probeStoreWritable: () => app.probeStoreWritable(),
    subscribe: (listener) => app.subscribe(listener),
    close: unsubscribe,
  };
}
