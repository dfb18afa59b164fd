import type { Clock } from '../domain/ports.js';
import type { LedgerStore } from '../store/store.js';
import { AWAITING_DELIVERY } from '../store/punch.js';
import type { HumandDaySource } from './views/humand-days.js';
import type { MappingCoverage, OpsDataSource, OpsEventListener, OpsStatus, RedriveSelection } from './data-source.js';

/** The parts of the status only the running service knows (the ledger supplies the rest). */
export type RuntimeFacts = Omit<OpsStatus, 'counts' | 'oldestPendingEventMs' | 'oldestPendingReceivedMs'>;

export interface LedgerDataSourceOptions {
  readonly store: LedgerStore;
  readonly timezone: string;
  readonly clock: Clock;
  readonly runtime: () => RuntimeFacts | Promise<RuntimeFacts>;
  readonly redrive: (selection: RedriveSelection) => Promise<number>;
  readonly mappingCoverage: () => Promise<MappingCoverage>;
  readonly subscribe?: (listener: OpsEventListener) => () => void;
  readonly humandDays?: HumandDaySource;
}

const PROBE_KEY = 'ops.write-probe';

/** An OpsDataSource that reads punches, counts and attempts straight from the ledger. */
export function ledgerDataSource(options: LedgerDataSourceOptions): OpsDataSource {
  const { store } = options;
  const source: OpsDataSource = {
    timezone: options.timezone,
    async status() {
      const [runtime, counts, oldestEventMs, oldestReceivedMs, deliveryLease] = await Promise.all([
        options.runtime(),
        store.countsByOutcome(),
        store.oldestEventMs(AWAITING_DELIVERY),
        store.oldestReceivedMs(AWAITING_DELIVERY),
        store.deliveryLeaseHolder?.() ?? Promise.resolve(null),
      ]);
      return { ...runtime, counts, oldestPendingEventMs: oldestEventMs, oldestPendingReceivedMs: oldestReceivedMs, deliveryLease };
    },
    punches: (query) => store.findPunches(query),
    countsForDay: (day) => store.countsByOutcome(day),
    persons: () => store.listPersons(),
    users: () => store.listUsers(),
    attemptsOf: (punchId) => store.attemptsOf(punchId),
    mappingCoverage: () => options.mappingCoverage(),
    ranges: store,
    redrive: (selection) => options.redrive(selection),
    async probeStoreWritable() {
      await store.setMeta(PROBE_KEY, String(options.clock.now()));
    },
  };
  const withDays = options.humandDays ? { ...source, humandDays: options.humandDays } : source;
  return options.subscribe ? { ...withDays, subscribe: options.subscribe } : withDays;
}
