import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../src/domain/access-event.js';
import type { AccessEventSourcePort, DoorEventQuery } from '../../src/domain/ports.js';
import { TransientError } from '../../src/domain/errors.js';
import { silentLogger } from '../../src/logging/logger.js';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { PipelineEvents } from '../../src/pipeline/events.js';
import { Ingestor } from '../../src/pipeline/ingestor.js';
import { Poller, POLL_CURSOR } from '../../src/pipeline/poller.js';
import type { PipelineContext } from '../../src/pipeline/context.js';
import { makeEvent } from '../store/make-event.js';
import { ManualClock } from '../support/manual-clock.js';
import { rules } from './rules-fixture.js';

/** A HikCentral stand-in that serves a list and can fail after some events. */
class ScriptedSource implements AccessEventSourcePort {
  queries: DoorEventQuery[] = [];
  constructor(
    private readonly events: AccessEvent[],
    private readonly failAfter: number | null = null,
  ) {}
  async *scanDoorEvents(query: DoorEventQuery): AsyncIterable<AccessEvent> {
    this.queries.push(query);
    let served = 0;
    for (const event of this.events) {
      if (this.failAfter !== null && served >= this.failAfter) throw new TransientError('connection reset');
      served++;
      yield event;
    }
  }
}

const poll = {
  intervalMs: 300_000,
  lookbackMs: 3_600_000,
  initialLookbackMs: 86_400_000,
  doorIndexCodes: ['door-1'],
  eventCodes: [],
  personsRefreshMs: 1,
  usersRefreshMs: 1,
};

describe('poll cursor', () => {
  let store: SqliteLedgerStore;
  let clock: ManualClock;
  let context: PipelineContext;
  beforeEach(() => {
    store = SqliteLedgerStore.open({ path: ':memory:' });
    clock = new ManualClock(Date.parse('2026-01-27T12:00:00Z'));
    context = {
      store,
      clock,
      logger: silentLogger(),
      events: new PipelineEvents(),
      rules: rules(),
      siteTimezone: 'America/Argentina/Buenos_Aires',
      dryRun: false,
    };
  });
  afterEach(() => store.close());

  const events = Array.from({ length: 1200 }, (_, i) =>
    makeEvent({ personId: `p${i}`, eventTime: `2026-01-27T08:${String(i % 60).padStart(2, '0')}:00-03:00` }),
  );

  it('does not move when the scan fails half way, but what was read stays recorded', async () => {
    const poller = new Poller(context, new ScriptedSource(events, 700), new Ingestor(context), poll, poll.doorIndexCodes);
    await expect(poller.pollOnce()).rejects.toThrow('connection reset');
    expect(await store.getCursor(POLL_CURSOR)).toBeNull();
    expect((await store.findPunches({ limit: 10_000 })).length).toBe(500); // the committed batch
  });

  it('moves to the poll instant only after everything up to it is committed; the next poll looks back', async () => {
    const source = new ScriptedSource(events);
    const poller = new Poller(context, source, new Ingestor(context), poll, poll.doorIndexCodes);
    const first = await poller.pollOnce();
    expect(first).toMatchObject({ events: 1200, fresh: 1200, duplicates: 0 });
    expect(await store.getCursor(POLL_CURSOR)).toBe(clock.now());
    expect(source.queries[0]).toMatchObject({ startMs: clock.now() - 86_400_000 - 3_600_000, endMs: clock.now(), doorIndexCodes: ['door-1'] });
    await clock.step(300_000);
    const second = await poller.pollOnce();
    expect(second).toMatchObject({ fresh: 0, duplicates: 1200 });
    expect(source.queries[1]).toMatchObject({ startMs: clock.now() - 300_000 - 3_600_000, endMs: clock.now() });
  });
});
