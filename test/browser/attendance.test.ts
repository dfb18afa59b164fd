import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/ops/views/text-match.js';
import type { GeneratedEmployee } from '../../src/sim/scenario/index.js';
import { employeesWithPunches, entryClockEvent, generatedDay, morningEmployee, startOpsWorld, type OpsWorld } from '../ops/helpers/ops-world.js';
import { until } from '../ops/helpers/until.js';
import { CHROMIUM, openDashboardBrowser, untilDayDelivered, type DashboardBrowser } from './support/dashboard-browser.js';

/**
 * The attendance view, its exports, search, paging, both languages and a phone, in headless
 * Chromium against the service running on the simulators. With DOC_IMAGES=1 it also writes
 * the screenshots used in docs/operations.md to docs/images/ (off by default: a test run leaves
 * the tree as it was).
 */
const hasChromium = fs.existsSync(CHROMIUM);
const DAY = '2026-01-27';
const docImages = process.env.DOC_IMAGES === '1' ? path.resolve('docs/images') : null;

describe.skipIf(!hasChromium)('attendance view in headless Chromium', () => {
  let w: OpsWorld;
  let browser: DashboardBrowser | undefined;
  let page: Page;
  let downloads: string;
  let problems: string[] = [];
  let unmappedPerson: GeneratedEmployee;

  async function open(hash: string) {
    await page.goto(`${w.ops.url}/#/${hash}`);
    await page.waitForSelector('main[aria-busy="false"]');
  }

  async function shoot(name: string) {
    if (docImages) await page.screenshot({ path: path.join(docImages, `${name}.png`), fullPage: true });
  }

  /** Clicks a download link and gives back the saved file's path. */
  async function download(testid: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    const target = path.join(downloads, file.suggestedFilename());
    await file.saveAs(target);
    return target;
  }

  beforeAll(async () => {
    const day = generatedDay(14, 33);
    // One person HikCentral knows and Humand does not: an unmapped row with its incident.
    unmappedPerson = employeesWithPunches(day).find((e) => e.shift !== 'morning')!;
    w = await startOpsWorld({ day, maxAttempts: 1, withoutUsers: [unmappedPerson.employeeInternalId] });
    w.startDaemon();
    await untilDayDelivered(w);
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-downloads-'));
    if (docImages) fs.mkdirSync(docImages, { recursive: true });
    browser = await openDashboardBrowser({ acceptDownloads: true });
    page = browser.page;
    problems = browser.problems;
  });

  afterAll(async () => {
    await browser?.close();
    await w?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
  });

  it("shows each employee's day as sent, finds people, pages, exports and reads in both languages and on a phone", async () => {
    const { app, world } = w;
    // A clock-in at 23:00 that dies (Humand answers 500, one attempt allowed): an incident of that day.
    const late = morningEmployee(world);
    world.humand.faults.set({ fail5xxNext: 1 });
    const deadId = (await app.ingest([entryClockEvent(world, late, '23:00:00')], 'push')).newPunchIds[0]!;
    await until('the punch to die', async () => (await app.store.getPunch(deadId))?.outcome === 'dead');
    world.humand.faults.clear();
    const people = await app.store.punchPeople({ from: DAY, to: DAY, excludeOutcomes: ['ignored'] });
    expect(people.length).toBeGreaterThan(5);

    // Spanish (the browser asks for es-AR): one row per employee with clock punches that day.
    await open(`attendance?from=${DAY}&to=${DAY}&humand=1`);
    await page.waitForSelector('[data-testid="attendance"]');
    expect(await page.locator('[data-testid="attendance"] th').first().textContent()).toBe('Empleado');
    expect(await page.getByTestId('page-range').textContent()).toBe(`1–${people.length} de ${people.length} empleados`);
    expect(await page.locator('[data-testid="attendance"] tbody tr').count()).toBe(people.length);
    expect(await page.locator('h2').first().textContent()).toBe('Asistencia del 27/01/2026');

    // One employee: the pairs shown are the clock-ins and -outs Humand holds, and Humand agrees.
    const employee = employeesWithPunches(world.day).find((e) => world.humand.state.timeline(e.employeeInternalId).length >= 2)!;
    const timeline = world.humand.state.timeline(employee.employeeInternalId);
    const row = page.locator(`[data-testid="attendance"] tr[data-employee="${employee.employeeInternalId}"]`);
    const cell = row.locator(`td[data-date="${DAY}"]`);
    const shown = await cell.locator('.att-pair').allTextContents();
    const hhmm = (iso: string) => iso.slice(11, 16);
    expect(shown[0]!.startsWith(hhmm(timeline[0]!.time))).toBe(true);
    expect(await cell.locator('[data-humand]').getAttribute('data-humand')).toBe('match');
    // The incidents: the dead clock-in on its employee's day, the unmapped person's row.
    const lateCell = page.locator(`[data-testid="attendance"] tr[data-employee="${late.employeeInternalId}"] td[data-date="${DAY}"]`);
    expect(await lateCell.locator('[data-incident]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-incident')))).toContain('dead');
    expect(await lateCell.locator('[data-incident="dead"]').textContent()).toBe('fallida');
    const unmappedRow = page.locator(`[data-testid="attendance"] tr[data-person="${unmappedPerson.personId}"]`);
    expect(await unmappedRow.locator('[data-incident="unmapped"]').count()).toBe(1);
    await shoot('attendance-laptop');

    // Search without accents, surname first, any case.
    const accented = employeesWithPunches(world.day).find((e) => e !== unmappedPerson && foldText(e.lastName) !== e.lastName.toLowerCase()) ?? employee;
    await page.getByTestId('att-employee').fill(`${foldText(accented.lastName).toUpperCase()} ${foldText(accented.firstName)}`);
    await page.getByTestId('att-go').click();
    await expect.poll(() => page.locator('[data-testid="attendance"] tbody tr').count()).toBe(1);
    expect(await page.locator('[data-testid="attendance"] tbody tr').getAttribute('data-employee')).toBe(accented.employeeInternalId);

    // Paging: 5 a page, the true total, next and previous.
    await open(`attendance?from=${DAY}&to=${DAY}&size=5`);
    expect(await page.getByTestId('page-range').textContent()).toBe(`1–5 de ${people.length} empleados`);
    const firstPage = await page.locator('[data-testid="attendance"] tbody tr').allTextContents();
    await page.getByTestId('page-next').click();
    await expect.poll(() => page.getByTestId('page-range').textContent()).toBe(`6–10 de ${people.length} empleados`);
    const secondPage = await page.locator('[data-testid="attendance"] tbody tr').allTextContents();
    expect(secondPage.some((text) => firstPage.includes(text))).toBe(false);

    // Excel export in Spanish: every employee-day with punches, the hours as numbers.
    await open(`attendance?from=${DAY}&to=${DAY}`);
    const xlsx = await download('export-xlsx');
    expect(path.basename(xlsx)).toBe(`asistencia-${DAY}-${DAY}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('Asistencia')!;
    expect(sheet.getCell('A1').value).toBe('Empleado');
    expect(sheet.getCell('H1').value).toBe('Horas');
    expect(sheet.rowCount).toBe(1 + people.length);
    const view = (await (await fetch(`${w.ops.url}/api/attendance?from=${DAY}&to=${DAY}&employee=${employee.employeeInternalId}`)).json()) as {
      rows: { minutes: number }[];
    };
    const exported = (sheet.getSheetValues().slice(2) as unknown[][]).find((r) => r[3] === employee.employeeInternalId)!;
    expect(exported[8]).toBeCloseTo(Math.round((view.rows[0]!.minutes / 60) * 100) / 100, 2);
    expect(sheet.getCell('F2').numFmt).toBe('dd/mm/yyyy');

    // English: labels, ISO dates, and a CSV with English headers.
    await page.locator('#lang').click();
    await open(`attendance?from=${DAY}&to=${DAY}`);
    expect(await page.locator('[data-testid="attendance"] th').first().textContent()).toBe('Employee');
    expect(await page.getByTestId('page-range').textContent()).toBe(`1–${people.length} of ${people.length} employees`);
    const csv = fs
      .readFileSync(await download('export-csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe('Employee,Code,Employee id,HikCentral person,Department,Date,In / out,Hours,Hours (h:mm),Incidents,Humand');
    expect(csv.filter((line) => line.includes(`,${DAY},`)).length).toBe(people.length);

    // The punch explorer: time clocks only by default, paged with the true total, exported.
    await open(`punches?date=${DAY}`);
    const clockPunches = await app.store.countPunchRange({ from: DAY, to: DAY, excludeOutcomes: ['ignored'] });
    const allPunches = await app.store.countPunchRange({ from: DAY, to: DAY });
    expect(allPunches).toBeGreaterThan(clockPunches);
    expect(await page.getByTestId('page-range').textContent()).toBe(`1–${Math.min(200, clockPunches)} of ${clockPunches} punches`);
    const punchesXlsx = new ExcelJS.Workbook();
    await punchesXlsx.xlsx.readFile(await download('export-xlsx'));
    expect(punchesXlsx.getWorksheet('Punches')!.rowCount).toBe(1 + clockPunches);
    await page.getByTestId('search-clocks').uncheck();
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByTestId('page-range').textContent()).toBe(`1–200 of ${allPunches} punches`);
    await page.getByTestId('page-next').click();
    await expect.poll(() => page.getByTestId('page-range').textContent()).toBe(`201–${Math.min(400, allPunches)} of ${allPunches} punches`);

    // The overview's chart and gauge.
    await open('overview');
    const bars = page.locator('[data-testid="hourly-chart"] rect.chart-bar');
    expect(await bars.count()).toBe(24);
    const counted = (await bars.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-count'))))).reduce((a, b) => a + b, 0);
    expect(counted).toBe((await app.store.punchInstants({ from: DAY, to: DAY, excludeOutcomes: ['ignored'] })).length);
    expect(await page.getByTestId('budget-gauge').count()).toBe(1);

    // A phone: nothing wider than the screen, in either language.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const section of [`attendance?from=${DAY}&to=${DAY}`, 'punches', 'overview']) {
      await open(section);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')), section).toBeLessThanOrEqual(0);
    }
    await page.locator('#lang').click();
    await open(`attendance?from=${DAY}&to=${DAY}&size=5`);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'))).toBeLessThanOrEqual(0);
    await shoot('attendance-phone');

    expect(problems).toEqual([]);
  });

  it.skipIf(!docImages)('writes a screenshot of each page for the docs', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const dead = (await w.app.store.findPunches({ outcome: 'delivered', limit: 1 }))[0]!;
    for (const [name, hash] of [
      ['overview', 'overview'],
      ['attendance-month', 'attendance?from=2026-01-01&to=2026-01-31'],
      ['punches', `punches?date=${DAY}`],
      ['punch', `punch/${dead.id}`],
      ['problems', 'problems'],
      ['coverage', 'coverage'],
    ] as const) {
      await open(hash);
      await shoot(name);
    }
  });
});
