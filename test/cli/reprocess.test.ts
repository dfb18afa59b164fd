import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeEach(async () => {
  site = await startTestSite({ employees: 3, seed: 4 });
});
afterEach(async () => {
  await site.close();
});

describe('reprocess', () => {
  it('says, in English or in Spanish, how many punches it looked at and that nothing already in Humand changes', async () => {
    const synced = await runCli(['sync'], { cwd: site.dir, env: site.env });
    expect(synced.code).toBe(0);
    const entries = site.entries();

    const english = await runCli(['reprocess', '--from', site.date, '--to', site.date, '--dry-run'], { cwd: site.dir, env: site.env });
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(
      new RegExp(`^Dry run — nothing changed\\. Punches of ${site.date}\\.\\.${site.date} under the current rules and mapping: \\d+ looked at`),
    );
    expect(english.stdout).toMatch(/^ {2}0 would change their first decision; 0 of them would now be sent to Humand\.$/m);

    const spanish = await runCli(['reprocess', '--from', site.date, '--to', site.date], { cwd: site.dir, env: { ...site.env, HIK2HUMAND_LANG: 'es' } });
    expect(spanish.code).toBe(0);
    const [y, m, d] = site.date.split('-');
    expect(spanish.stdout).toMatch(new RegExp(`^Fichadas del ${d}/${m}/${y} al ${d}/${m}/${y} con las reglas y la vinculación actuales: \\d+ revisadas`));
    expect(spanish.stdout).toMatch(/^ {2}0 cambian su primera decisión; 0 de ellas van ahora a Humand\.$/m);
    expect(site.entries()).toBe(entries);
  }, 60_000);
});
