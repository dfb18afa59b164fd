import { describe, expect, it } from 'vitest';
import { E2eRuns, expectedTimelines, humandTimelines, tapBy } from './harness.js';

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('daemon (run)', () => {
  const runs = new E2eRuns();

  it('polls, delivers continuously, delivers pushed events without waiting for a poll, and stops gracefully', async () => {
    const { world, app } = await runs.start({ dirPrefix: 'e2e-daemon-', clockAt: Date.parse('2026-01-29T12:00:00Z'), employees: 30, seed: 9 });
    const controller = new AbortController();
    let passes = 0;
    const running = app.runDaemon({ signal: controller.signal, onPass: () => passes++ });
    await until(() => JSON.stringify(humandTimelines(world)) === JSON.stringify(expectedTimelines(world)), 'the polled day to be delivered');
    expect(passes).toBe(1);

    // A push arrives between polls: recorded durably, then delivered by the running daemon.
    const absent = world.day.employees.find((e) => e.shift === 'absent')!;
    const pollsBefore = world.hik.state.requests().filter((r) => r.path.endsWith('/door/events')).length;
    const result = await app.ingest([tapBy(absent, 'pushed-1', '2026-01-29T08:59:30-03:00', { readerName: 'Facial Entrada' })], 'push');
    expect(result).toMatchObject({ inserted: 1, duplicates: 0 });
    await until(() => world.humand.state.timeline(absent.employeeInternalId).length === 1, 'the pushed punch to be delivered');
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
