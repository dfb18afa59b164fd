import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLanguage } from '../../src/cli/i18n/language.js';
import { cliText } from '../../src/cli/i18n/text.js';
import { runCli } from './support/cli-process.js';
import { expectedTimelines, humandTimelines, startTestSite, type TestSite } from './support/site.js';

describe('the language the CLI prints in', () => {
  it('is HIK2HUMAND_LANG, else the POSIX locale, else the system locale (Windows has no LANG), else English', () => {
    expect(cliLanguage({ HIK2HUMAND_LANG: 'es', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('es');
    expect(cliLanguage({ LANG: 'es_AR.UTF-8' }, 'en-US')).toBe('es');
    expect(cliLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'es_AR.UTF-8' }, 'es-AR')).toBe('en');
    // C and POSIX say nothing about a language.
    expect(cliLanguage({ LANG: 'C.UTF-8' }, 'es-419')).toBe('es');
    expect(cliLanguage({}, 'es-AR')).toBe('es');
    expect(cliLanguage({ LANG: 'de_DE.UTF-8' }, 'es-AR')).toBe('en');
    expect(cliLanguage({}, 'en-US')).toBe('en');
  });

  it("chooses plural forms by the language's rules and writes days and times as its readers do", () => {
    const es = cliText('es');
    const en = cliText('en');
    expect([es.count('sync.steps', 1), es.count('sync.steps', 0), es.count('sync.steps', 13)]).toEqual(['1 paso', '0 pasos', '13 pasos']);
    expect([en.count('sync.steps', 1), en.count('sync.steps', 0)]).toEqual(['1 step', '0 steps']);
    const instant = Date.UTC(2026, 11, 1, 11, 5, 9);
    expect(es.localTime(instant, 'America/Argentina/Buenos_Aires')).toBe('01/12/2026 08:05:09');
    expect(en.localTime(instant, 'America/Argentina/Buenos_Aires')).toBe('2026-12-01 08:05:09');
    expect(es.localTimeAgo(instant, 'UTC', instant + 180_000)).toBe('01/12/2026 11:05:09 (hace 3 min)');
    expect(es.localTimeAgo(null, 'UTC', instant)).toBe('nunca');
    expect(es.day('2026-12-01')).toBe('01/12/2026');
  });
});

describe('sync and punches in Spanish', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ employees: 3, seed: 21 });
  }, 60_000);
  afterAll(async () => {
    await site.close();
  });

  it('a Spanish locale gets the sync summary and the punch list in Spanish, dates day first', async () => {
    const sync = await runCli(['sync'], { cwd: site.dir, env: { ...site.env, LANG: 'es_AR.UTF-8' } });
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^Sincronización terminada en \d+/);
    expect(sync.stdout).toMatch(/HikCentral\s+leídos \d+ eventos de \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} a /);
    expect(sync.stdout).toMatch(/Registro\s+.*entregada \d+/);
    expect(sync.stdout).not.toMatch(/punch|event\(s\)|delivered/);
    expect(humandTimelines(site.humand, site.day)).toEqual(expectedTimelines(site.day));

    const [year, month, day] = site.date.split('-');
    const employee = site.day.employees[0]!;
    const punches = await runCli(['punches', '--employee', employee.employeeInternalId, '--date', site.date], {
      cwd: site.dir,
      env: { ...site.env, HIK2HUMAND_LANG: 'es' },
    });
    expect(punches.code).toBe(0);
    expect(punches.stdout).toMatch(
      new RegExp(`^\\d+ fichadas? para empleado ${employee.employeeInternalId}, ${day}/${month}/${year} \\(horas en America/Argentina/Buenos_Aires\\):`),
    );
    expect(punches.stdout).toMatch(/resultado ENTREGADA; (entrada|salida); jornada \d{2}\/\d{2}\/\d{4}; intentos 1/);
  }, 60_000);

  it('HIK2HUMAND_LANG that is not a language it speaks is a configuration problem naming the variable', async () => {
    const result = await runCli(['status'], { cwd: site.dir, env: { ...site.env, HIK2HUMAND_LANG: 'fr' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/HIK2HUMAND_LANG: "fr" is not a language the CLI speaks — use es \(español\) or en \(English\)/);
  }, 30_000);
});
