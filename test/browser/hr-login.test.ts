import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadAndRejected } from '../ops/helpers/problem-punches.js';
import { startOpsWorld, type OpsWorld } from '../ops/helpers/ops-world.js';
import { until } from '../ops/helpers/until.js';
import { CHROMIUM, openDashboardBrowser, type DashboardBrowser } from './support/dashboard-browser.js';

const hasChromium = fs.existsSync(CHROMIUM);
const ADMIN = { username: 'sistemas', password: 'admin-password-1' };
const HR = { username: 'rrhh', password: 'hr-password-123' };

/** The Problems page for the HR login (no actions) and "Re-drive all dead" asking first, in a real browser (Spanish). */
describe.skipIf(!hasChromium)('dashboard: HR login and re-drive all dead', () => {
  let w: OpsWorld;
  let hr: DashboardBrowser | undefined;
  let admin: DashboardBrowser | undefined;
  let ids: { dead: number; rejected: number };

  beforeAll(async () => {
    w = await startOpsWorld({ employees: 6, seed: 21, maxAttempts: 1, auth: ADMIN, hrAuth: HR });
    ids = await deadAndRejected(w);
    hr = await openDashboardBrowser({ httpCredentials: HR });
    admin = await openDashboardBrowser({ httpCredentials: ADMIN });
  }, 60_000);

  afterAll(async () => {
    await hr?.close();
    await admin?.close();
    await w?.close();
  });

  it('HR sees the problems without any button; the admin is asked how many dead punches to re-drive, and only those go', async () => {
    const page = hr!.page;
    await page.goto(`${w.ops.url}/#/problems`);
    await page.waitForSelector('main[aria-busy="false"]');
    await expect.poll(() => page.getByTestId('dead-punches').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('read-only').textContent()).toMatch(/^Usuario de RR\. HH\. de solo lectura/);
    expect(await page.getByTestId('role').textContent()).toBe('RR. HH. (solo lectura)');
    for (const testid of ['redrive-selected', 'mark-fixed', 'redrive-all', 'reprocess-apply']) expect(await page.getByTestId(testid).count(), testid).toBe(0);
    expect(await page.getByTestId('dead-punches').locator('input[type=checkbox]').count()).toBe(0);

    const adminPage = admin!.page;
    await adminPage.goto(`${w.ops.url}/#/problems`);
    await adminPage.waitForSelector('main[aria-busy="false"]');
    expect(await adminPage.getByTestId('role').count()).toBe(0);
    await adminPage.getByTestId('redrive-all').click();
    expect(await adminPage.getByTestId('redrive-all-question').textContent()).toMatch(
      /^¿Reenviar la 1 fichada fallida\? Las rechazadas y las a revisar no se incluyen/,
    );
    await adminPage.getByTestId('redrive-all-cancel').click();
    expect((await w.app.store.getPunch(ids.dead))?.outcome).toBe('dead');
    await adminPage.getByTestId('redrive-all').click();
    await adminPage.getByTestId('redrive-all-yes').click();
    await expect.poll(() => adminPage.getByTestId('redrive-result').textContent()).toBe('1 fichada vuelve a la cola de envío.');
    await w.app.deliverPending();
    await until('the dead punch delivered', async () => (await w.app.store.getPunch(ids.dead))?.outcome === 'delivered');
    expect((await w.app.store.getPunch(ids.rejected))?.outcome).toBe('rejected');
    expect([...hr!.problems, ...admin!.problems]).toEqual([]);
  }, 60_000);
});
