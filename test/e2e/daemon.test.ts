import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { configFor, expectedTimelines, humandTimelines, startWorld, type World } from './harness.js';
import { ShiftedClock } from './shifted-clock.js';

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('daemon (run)', () => {
  let world: World | undefined;
  let app: App | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await app?.close();
    await world?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('polls, delivers continuously, delivers pushed events without waiting for a poll, and stops gracefully', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-daemon-'));
    const clock = new ShiftedClock(Date.parse('2026-01-29T12:00:00Z'));
    world = await startWorld({ employees: 30, seed: 9, clock });
    app = await createApp({ config: configFor(world, path.join(dir, 'ledger.db')), logger: silentLogger(), overrides: { clock, rateResetMarginMs: 50 } });
    const controller = new AbortController();
    let passes = 0;
    const running = app.runDaemon({ signal: controller.signal, onPass: () => passes++ });
    await until(() => JSON.stringify(humandTimelines(world!)) === JSON.stringify(expectedTimelines(world!)), 'the polled day to be delivered');
    expect(passes).toBe(1);

    // A push arrives between polls: recorded durably, then delivered by the running daemon.
    const absent = world.day.employees.find((e) => e.shift === 'absent')!;
    const pollsBefore = world.hik.state.requests().filter((r) => r.path.endsWith('/door/events')).length;
    const result = await app.ingest(
      [
        {
          eventId: 'pushed-1',
          eventCode: 196893,
          eventTime: '2026-01-29T08:59:30-03:00',
          personId: absent.personId,
          personCode: absent.employeeInternalId,
          personName: null,
          cardNo: null,
          doorIndexCode: '1',
          doorName: null,
          readerIndexCode: '101',
          readerName: 'Facial Entrada',
          checkInAndOutType: 1,
          inAndOutType: null,
          raw: {},
        },
      ],
      'push',
    );
    expect(result).toMatchObject({ inserted: 1, duplicates: 0 });
    await until(() => world!.humand.state.timeline(absent.employeeInternalId).length === 1, 'the pushed punch to be delivered');
    expect(world.humand.state.timeline(absent.employeeInternalId)[0]!.time).toBe('2026-01-29T08:59:30.000-03:00');
    expect(world.hik.state.requests().filter((r) => r.path.endsWith('/door/events')).length).toBe(pollsBefore);
    const status = await app.status();
    expect(status.lastPushMs).not.toBeNull();
    expect(status.poll.lastSuccessMs).not.toBeNull();

    controller.abort();
    await running; // returns after a graceful stop
    expect(passes).toBe(1);
  });
});
