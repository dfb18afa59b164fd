import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { expectedPunchCount, expectedTimelines, humandTimelines, startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite({ employees: 3, seed: 11 });
});
afterEach(async () => {
  await site.close();
});

interface ListedPunch {
  readonly id: number;
  readonly outcome: string;
  readonly reason: string | null;
  readonly history: ReadonlyArray<{ readonly status: number | null; readonly message: string | null }>;
}

describe('dead letters', () => {
  it('punches Humand rejects make sync exit 4; once the cause is fixed, retry re-drives them into Humand', async () => {
    // Humand's clock a week behind: every punch is "in the future" for it, and rejected.
    site.humandClock.offsetMs = -7 * 24 * 3_600_000;
    const sync = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(sync.code).toBe(4);
    expect(sync.stdout).toMatch(/Needs a person:\n {2}- (1 punch|\d+ punches) rejected/);
    expect(site.entries()).toBe(0);

    const list = await runCli(['dead-letters', 'list', '--json'], { cwd: site.dir, env: site.env });
    expect(list.code).toBe(0);
    const dead = JSON.parse(list.stdout) as ListedPunch[];
    expect(dead.length).toBeGreaterThan(0);
    // Refused as future: rejected; the clock-outs after them have no clock-in in Humand: review.
    expect(dead.some((punch) => punch.outcome === 'rejected')).toBe(true);
    expect(dead.every((punch) => punch.outcome === 'rejected' || punch.outcome === 'review')).toBe(true);
    // What Humand answered is kept with each punch.
    expect(dead[0]?.history.some((attempt) => attempt.status !== null && attempt.status >= 400 && /future/i.test(attempt.message ?? ''))).toBe(true);

    site.humandClock.offsetMs = 0;
    const counts = new Map<string, number>();
    for (const punch of dead) counts.set(punch.outcome, (counts.get(punch.outcome) ?? 0) + 1);
    const byOutcome = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    // --dead (the dashboard's "Re-drive all dead") takes dead punches only, and says what it left out.
    const onlyDead = await runCli(['dead-letters', 'retry', '--dead'], { cwd: site.dir, env: site.env });
    expect(onlyDead.code).toBe(0);
    expect(onlyDead.stdout).toMatch(new RegExp(`^Re-queued 0 punches\\. Not included: ${byOutcome} \\(fix their cause, then --id or --all\\)\\.`));
    expect(site.entries()).toBe(0);

    // The same in Spanish, with the language's plural forms.
    const spanish = { ...site.env, HIK2HUMAND_LANG: 'es' };
    const listed = await runCli(['dead-letters', 'list'], { cwd: site.dir, env: spanish });
    const needs = dead.length === 1 ? '1 fichada necesita' : `${dead.length} fichadas necesitan`;
    expect(listed.stdout).toMatch(new RegExp(`^${needs} a una persona \\(horas en [^)]+\\)\\. Corrija la causa y luego: hik2humand dead-letters retry`));
    const onlyDeadEs = await runCli(['dead-letters', 'retry', '--dead'], { cwd: site.dir, env: spanish });
    expect(onlyDeadEs.stdout).toMatch(/^Vueltas a la cola: 0 fichadas\. No incluidas: .*rechazada: \d+.* \(corrija su causa y luego use --id o --all\)\./);

    const retry = await runCli(['dead-letters', 'retry', '--all'], { cwd: site.dir, env: site.env });
    expect(retry.stderr).toBe('');
    expect(retry.code).toBe(0);
    expect(retry.stdout).toMatch(new RegExp(`^Re-queued ${dead.length} punch(es)?: ${byOutcome}\\.`));
    expect(site.entries()).toBe(expectedPunchCount(site.day));
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
    // Each re-driven punch is shown with its new outcome and Humand's latest answer.
    // Decided again, not blindly resent: a double tap of a refused punch is now a double tap of its entry.
    expect(retry.stdout.match(/outcome (DELIVERED|DEBOUNCED)/g)).toHaveLength(dead.length);
    expect(retry.stdout.match(/outcome DELIVERED/g)).toHaveLength(expectedPunchCount(site.day));
    expect(retry.stdout).toMatch(/→ HTTP 201 ok/);
  }, 30_000);

  it('retry says which punches to take when given neither --id nor --all', async () => {
    const result = await runCli(['dead-letters', 'retry'], { cwd: site.dir, env: site.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--id 12 15, --dead \(every dead one\) or --all/);
  }, 30_000);
});
