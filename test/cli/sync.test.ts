import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { expectedPunchCount, expectedTimelines, humandTimelines, startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite();
});
afterEach(async () => {
  await site.close();
});

describe('sync', () => {
  it('with HikCentral down says why in one line per problem, with no stack trace unless --verbose (issue #10)', async () => {
    await site.hik.close();
    const result = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/HikCentral could not be read: HikCentral refused the connection/);
    expect(result.stderr).not.toMatch(/\n\s+at |"stack"/);
    const verbose = await runCli(['sync', '--verbose'], { cwd: site.dir, env: site.env });
    expect(verbose.stderr).toMatch(/"stack":"HikCentralError/);
  });

  it('delivers the working day to Humand exactly once and exits 0; a second pass sends nothing again', async () => {
    const first = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Sync finished in/);
    expect(expectedPunchCount(site.day)).toBeGreaterThan(4);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
    const entries = site.entries();

    const second = await runCli(['sync', '--json'], { cwd: site.dir, env: site.env });
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout) as { exitCode: number; needsPerson: boolean; poll: { fresh: number }; counts: Record<string, number> };
    expect(summary).toMatchObject({ exitCode: 0, needsPerson: false });
    expect(summary.poll.fresh).toBe(0);
    expect(summary.counts.delivered).toBe(entries);
    expect(site.entries()).toBe(entries);

    const status = await runCli(['status', '--json'], { cwd: site.dir, env: site.env });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as { delivery: { state: string }; counts: Record<string, number>; poll: { cursorMs: number | null } };
    expect(report.delivery.state).toBe('running');
    expect(report.counts.delivered).toBe(entries);
    expect(report.poll.cursorMs).toBeGreaterThan(Date.now() - 120_000);
  }, 30_000);

  it('exits 3 when Humand answers 403, and status then says delivery is paused and why', async () => {
    site.humand.state.setForbidden(true);
    const sync = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(sync.code).toBe(3);
    expect(sync.stdout).toMatch(/delivery paused/);
    expect(site.entries()).toBe(0);

    const json = await runCli(['status', '--json'], { cwd: site.dir, env: site.env });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { delivery: { state: string; reason: string | null; hint: string | null }; counts: Record<string, number> };
    expect(report.delivery.state).toBe('paused');
    expect(report.delivery.reason).toMatch(/403/);

    const text = await runCli(['status'], { cwd: site.dir, env: site.env });
    expect(text.stdout).toMatch(/Delivery\s+PAUSED since .*403/);
    expect(text.stdout).toMatch(/fix\s+.+/);
  }, 30_000);
});
