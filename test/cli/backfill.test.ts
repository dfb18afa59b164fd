import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { expectedTimelines, humandTimelines, SITE_TIMEZONE, startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite({ employees: 4, seed: 3 });
});
afterEach(async () => {
  await site.close();
});

describe('backfill', () => {
  it('re-reads a range of days and delivers what is missing; repeating it sends nothing twice', async () => {
    const nextDay = DateTime.fromISO(site.date, { zone: SITE_TIMEZONE }).plus({ days: 1 }).toISODate()!;
    const first = await runCli(['backfill', '--from', site.date, '--to', nextDay], { cwd: site.dir, env: site.env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Backfill finished/);
    expect(first.stdout).not.toMatch(/Reading HikCentral \[/); // no progress bar when stdout is not a terminal
    const read = /read (\d+) events?: (\d+) new/.exec(first.stdout);
    expect(Number(read?.[1])).toBe(site.day.scenario.events.length);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
    const entries = site.entries();

    // The same range again, given as ISO date-times with an offset: every event is already known.
    const from = DateTime.fromISO(site.date, { zone: SITE_TIMEZONE }).toISO()!;
    const to = DateTime.fromISO(nextDay, { zone: SITE_TIMEZONE }).plus({ days: 1 }).toISO()!;
    const again = await runCli(['backfill', '--from', from, '--to', to, '--json'], { cwd: site.dir, env: site.env });
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { scan: { events: number; fresh: number; duplicates: number } };
    expect(summary.scan).toMatchObject({ events: site.day.scenario.events.length, fresh: 0, duplicates: site.day.scenario.events.length });
    expect(site.entries()).toBe(entries);
  }, 30_000);

  it('speaks Spanish when HIK2HUMAND_LANG=es: headline, rows and counts with Spanish plurals and dates', async () => {
    const nextDay = DateTime.fromISO(site.date, { zone: SITE_TIMEZONE }).plus({ days: 1 }).toISODate()!;
    const result = await runCli(['backfill', '--from', site.date, '--to', nextDay], { cwd: site.dir, env: { ...site.env, HIK2HUMAND_LANG: 'es' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Relectura \(backfill\) terminada en/);
    const day = DateTime.fromISO(site.date).toFormat('dd/LL/yyyy');
    expect(result.stdout).toContain(`Rango`);
    expect(result.stdout).toContain(`${day} 00:00:00 →`);
    expect(result.stdout).toMatch(new RegExp(`leídos ${site.day.scenario.events.length} eventos: ${site.day.scenario.events.length} nuevos`));
    expect(result.stdout).toMatch(/Decididas\s+\d+ fichadas/);
    expect(result.stdout).not.toMatch(/\bevents?\b|punch/);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));
  }, 30_000);

  it('refuses a range that ends before it starts, naming the option', async () => {
    const result = await runCli(['backfill', '--from', '2026-01-27', '--to', '2026-01-20'], { cwd: site.dir, env: site.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--to: must be after --from/);
  }, 30_000);
});
