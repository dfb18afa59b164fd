import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, jsonLines, runCli, startCli, type RunningCli } from './support/cli-process.js';
import { expectedPunchCount, expectedTimelines, humandTimelines, startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
let service: RunningCli | null = null;
beforeEach(async () => {
  site = await startTestSite({ employees: 4, seed: 5 });
});
afterEach(async () => {
  await service?.stop('SIGKILL', 5_000);
  service = null;
  await site.close();
});

describe('run', () => {
  it('polls and delivers continuously, serves the admin server, refuses a second deliverer, and stops cleanly on SIGTERM', async () => {
    service = startCli(['run'], { cwd: site.dir, env: { ...site.env, POLL_INTERVAL: '1s' } });
    const expected = expectedPunchCount(site.day);
    await eventually(() => (site.entries() >= expected ? true : undefined), 25_000, `${expected} Humand entries`);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));

    const listening = await service.waitForLine((line) => line.includes('"dashboardUrl"'), 5_000);
    const dashboardUrl = (JSON.parse(listening) as { dashboardUrl: string }).dashboardUrl;
    const health = await fetch(new URL('/healthz', dashboardUrl));
    expect(health.status).toBe(200);

    // A one-shot sync next to the service would deliver the same ledger twice: refused with exit 7.
    const sync = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(sync.code).toBe(7);
    expect(sync.stderr).toMatch(/another hik2humand process is delivering from this ledger: `run`/);

    // doctor next to the service reads its caches instead of re-deciding punches the service owns.
    const doctor = await runCli(['doctor', '--json'], { cwd: site.dir, env: site.env });
    expect(doctor.code).toBe(0);
    const mapping = (JSON.parse(doctor.stdout) as { checks: Array<{ name: string; message: string }> }).checks.find((c) => c.name === 'mapping');
    expect(mapping?.message).toMatch(/from the caches of the running `run`/);

    // status, from another process, knows a service is running, and where.
    const running = await runCli(['status'], { cwd: site.dir, env: site.env });
    expect(running.stdout).toMatch(/Delivery +running\n/);
    expect(running.stdout).toMatch(new RegExp(`Service +running on .+, pid ${service.child.pid}, since .+; last seen`));

    const exit = await service.stop('SIGTERM', 8_000);
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = await runCli(['status'], { cwd: site.dir, env: site.env });
    expect(stopped.stdout).toMatch(/Delivery +configured, but NO SERVICE IS RUNNING: punches wait for `hik2humand run`/);
    expect(stopped.stdout).toMatch(/Service +not running: stopped .+ ago/);
    const messages = jsonLines(service.stdout()).map((line) => line.msg);
    expect(messages).toContain('hik2humand stopped cleanly');
    expect(fs.existsSync(`${site.ledgerPath}.lock`)).toBe(false);
    expect(site.entries()).toBe(expected);
  }, 30_000);
});
