import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PUNCH_OUTCOMES, type PunchOutcome } from '../../src/store/punch.js';
import { employeesWithPunches, entryClockEvent, generatedDay, morningEmployee, startOpsWorld, type OpsWorld } from '../ops/helpers/ops-world.js';
import type { GeneratedEmployee } from '../../src/sim/scenario/index.js';
import { until } from '../ops/helpers/until.js';
import { CHROMIUM, openDashboardBrowser, untilDayDelivered, type DashboardBrowser } from './support/dashboard-browser.js';

/**
 * The dashboard in a real browser: headless Chromium from the Debian package, driven by
 * playwright-core (which never downloads a browser), against the service running on the
 * simulators. Screenshots only when DASHBOARD_SCREENSHOTS names a directory outside the repo.
 */
const hasChromium = fs.existsSync(CHROMIUM);
const title = hasChromium
  ? 'loads the numbers of the ledger, finds an employee, re-drives a dead punch and sees it delivered'
  : `SKIPPED: ${CHROMIUM} is missing (install the Debian package: apt-get install -y chromium; .ci/run does)`;

if (!hasChromium) console.warn(`dashboard browser test ${title}`);

const USER = 'rrhh';
const PASSWORD = 'dashboard-test-password';
const DAY = '2026-01-27';

function screenshotDir(): string | null {
  const wanted = process.env.DASHBOARD_SCREENSHOTS;
  if (!wanted) return null;
  const dir = path.resolve(wanted);
  if (dir.startsWith(path.resolve('.'))) throw new Error('DASHBOARD_SCREENSHOTS must be outside the repository (e.g. /tmp/shots)');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe('dashboard in headless Chromium', () => {
  let w: OpsWorld;
  let browser: DashboardBrowser | undefined;
  let page: Page;
  /** Left out of Humand: their punches wait as unmapped. */
  let unmappedPerson: GeneratedEmployee;
  let problems: string[] = [];
  const shots = screenshotDir();

  async function shoot(name: string) {
    if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  }

  /** Navigates inside the single-page app and waits until the section has rendered. */
  async function open(hash: string) {
    await page.goto(`${w.ops.url}/#/${hash}`);
    await page.waitForSelector('main[aria-busy="false"]');
  }

  async function number(testid: string): Promise<number> {
    return Number(await page.getByTestId(testid).textContent());
  }

  beforeAll(async () => {
    if (!hasChromium) return;
    const day = generatedDay(12, 21);
    unmappedPerson = employeesWithPunches(day).find((e) => e.shift !== 'morning')!;
    w = await startOpsWorld({ day, maxAttempts: 1, auth: { username: USER, password: PASSWORD }, withoutUsers: [unmappedPerson.employeeInternalId] });
    w.startDaemon();
    await untilDayDelivered(w);
    browser = await openDashboardBrowser({ httpCredentials: { username: USER, password: PASSWORD } });
    page = browser.page;
    problems = browser.problems;
  });

  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it.skipIf(!hasChromium)(title, async () => {
    const { app, world } = w;

    // A punch that dies: a single 500 on its clock request, with one attempt allowed.
    const employee = morningEmployee(world);
    world.humand.faults.set({ fail5xxNext: 1 });
    const { newPunchIds } = await app.ingest([entryClockEvent(world, employee, '23:00:00')], 'push');
    const deadId = newPunchIds[0]!;
    await until('the punch to die', async () => (await app.store.getPunch(deadId))?.outcome === 'dead');
    world.humand.faults.clear();

    // Overview: in Spanish (the browser asks for es-AR), numbers as in the ledger.
    await open('overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => page.locator('nav a').first().textContent()).toBe('Resumen');
    const ledger = await app.store.countsByOutcome();
    const today = await app.store.findPunches({ date: DAY, limit: 100_000 });
    const todayCount = (outcome: PunchOutcome) => today.filter((p) => p.outcome === outcome).length;
    expect(await number('ledger-total')).toBe(PUNCH_OUTCOMES.reduce((sum, o) => sum + ledger[o], 0));
    expect(await number('ledger-delivered')).toBe(ledger.delivered);
    expect(await number('ledger-dead')).toBe(1);
    // Plurals as Intl.PluralRules picks them: "1 fallida", "19 entregadas".
    const label = (testid: string) => page.locator(`.stat:has([data-testid="${testid}"]) .label`).textContent();
    expect(await label('ledger-dead')).toBe('fallida');
    expect(await label('ledger-delivered')).toBe('entregadas');
    expect(await number('ledger-unmapped')).toBe(ledger.unmapped);
    expect(ledger.unmapped).toBeGreaterThan(0);
    expect(await number('today-total')).toBe(today.length);
    expect(await number('today-delivered')).toBe(todayCount('delivered'));
    expect(await number('backlog-pending')).toBe(0);
    // Delivered in the ledger = entries Humand holds.
    expect(ledger.delivered).toBe(world.humand.state.allEntries().length);
    expect(await page.getByTestId('delivery-state').getAttribute('data-state')).toBe('running');
    // Spanish dates: dd/mm/aaaa.
    expect(await page.getByTestId('last-push').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} /);
    await shoot('overview-laptop');

    // The language switch.
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('nav a').first().textContent()).toBe('Overview');

    // Punch explorer: search an employee by part of the name.
    const searched = employeesWithPunches(world.day).find((e) => e !== employee && e !== unmappedPerson)!;
    await open('punches');
    const fullName = `${searched.firstName} ${searched.lastName}`;
    await page.getByTestId('search-employee').fill(fullName.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForSelector('[data-testid="punch-results"]');
    // Time clocks only, by default: not the passages of other doors.
    const inLedger = (await app.store.findPunches({ personId: searched.personId, limit: 1000 })).filter((p) => p.outcome !== 'ignored');
    expect(inLedger.length).toBeGreaterThan(0);
    const rows = page.locator('[data-testid="punch-results"] tbody tr');
    // The unfiltered list may still be on the page for a moment after the search is submitted.
    await expect.poll(() => rows.count()).toBe(inLedger.length);
    for (const text of await rows.allTextContents()) expect(text).toContain(fullName);
    await shoot('punches-laptop');

    // One punch: Humand's answer and the employee's day as sent.
    const delivered = inLedger.find((p) => p.outcome === 'delivered')!;
    await page.locator(`[data-testid="punch-results"] tr[data-id="${delivered.id}"] a`).click();
    await page.waitForSelector('[data-testid="punch-detail"]');
    expect(await page.locator('[data-testid="attempts"] tbody tr').filter({ hasText: '201' }).count()).toBe(1);
    const day = await app.store.findPunches({ employeeId: delivered.employeeId!, date: delivered.workingDay!, limit: 1000 });
    expect(await page.locator('[data-testid="timeline"] li').count()).toBe(day.length);
    const sentTypes = (await page.locator('[data-testid="timeline"] li .what').allTextContents()).filter((t) => t !== '—');
    expect(sentTypes.length).toBeGreaterThan(0);
    expect(sentTypes.every((t) => t === 'clock-in' || t === 'clock-out')).toBe(true);

    // Problems: the unmapped person with the punches waiting for them, and the dead punch.
    await app.recordRejectedInputs(
      [
        {
          raw: { eventId: 'hostile-1', data: { personName: '<img src=x onerror="document.title=1">' } },
          reason: 'eventId hostile-1: unreadable time: offset +19:00 is beyond ±14 h (no real time zone)',
        },
      ],
      'push',
    );
    await open('problems');
    const unreadableRow = page.locator('[data-testid="unreadable-inputs"] tbody tr');
    expect(await unreadableRow.count()).toBe(1);
    expect(await unreadableRow.textContent()).toContain('offset +19:00');
    expect(await unreadableRow.textContent()).toContain('<img src=x');
    expect(await page.locator('main img').count()).toBe(0);
    const unmappedRow = page.locator('[data-testid="unmapped-persons"] tbody tr').filter({ hasText: 'unmapped' });
    expect(await unmappedRow.count()).toBeGreaterThan(0);
    const waiting = Number(await page.getByTestId('unmapped-waiting').first().textContent());
    expect(waiting).toBe((await app.store.findPunches({ personId: unmappedPerson.personId, outcome: 'unmapped', limit: 1000 })).length);
    const deadRow = page.locator(`[data-testid="dead-punches"] tr[data-id="${deadId}"]`);
    await expect.poll(() => deadRow.count()).toBe(1);
    await shoot('problems-laptop');

    // Re-drive it from the page, then watch it arrive.
    await deadRow.locator('input[type="checkbox"]').check();
    await page.getByTestId('redrive-selected').click();
    await expect.poll(() => page.getByTestId('redrive-result').textContent()).toContain('1');
    await until('the re-driven punch delivered', async () => (await app.store.getPunch(deadId))?.outcome === 'delivered');
    await open(`punch/${deadId}`);
    expect(await page.locator('[data-testid="punch-detail"] [data-outcome]').getAttribute('data-outcome')).toBe('delivered');
    expect(world.humand.state.timeline(employee.employeeInternalId).at(-1)?.type).toBe('START');
    await open('overview');
    expect(await number('ledger-dead')).toBe(0);

    // Mapping coverage: HikCentral persons vs active Humand users, as the App computes them.
    const coverage = await app.mappingCoverage();
    await open('coverage');
    expect(await number('coverage-persons')).toBe(coverage.hikPersons);
    expect(await number('coverage-users')).toBe(coverage.activeHumandUsers);
    expect(await number('coverage-mapped')).toBe(coverage.mapped);
    expect(await page.locator('[data-testid="coverage-unmapped"] tbody tr').filter({ hasText: unmappedPerson.employeeInternalId }).count()).toBe(1);

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const section of ['overview', 'punches', 'problems', 'coverage']) {
      await open(section);
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(overflow, section).toBeLessThanOrEqual(0);
    }
    await open('problems');
    await shoot('problems-phone');

    expect(problems).toEqual([]);
  });
});
