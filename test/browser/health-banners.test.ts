import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpsWorld, type OpsWorld } from '../ops/helpers/ops-world.js';
import { CHROMIUM, openDashboardBrowser, type DashboardBrowser } from './support/dashboard-browser.js';

/**
 * The overview says at once when Humand or HikCentral does not answer (not when punches start
 * dying), in the browser's language, and the banners go when they answer again. With
 * DOC_IMAGES=1 it writes the screenshot used in docs/operations.md.
 */
const hasChromium = fs.existsSync(CHROMIUM);
const docImages = process.env.DOC_IMAGES === '1' ? path.resolve('docs/images') : null;

describe('health banners in headless Chromium', () => {
  let w: OpsWorld;
  let browser: DashboardBrowser | undefined;

  beforeAll(async () => {
    if (!hasChromium) return;
    w = await startOpsWorld({ employees: 4, seed: 5 });
    browser = await openDashboardBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  /** The overview as a person opening it now sees it (a fresh load, not the page's 15 s refresh). */
  async function overview(): Promise<void> {
    await browser!.page.goto('about:blank');
    await browser!.page.goto(`${w.ops.url}/#/overview`);
    await browser!.page.waitForSelector('main[aria-busy="false"]');
  }

  it.skipIf(!hasChromium)(
    'shows "Humand no responde" and "No se pudo leer HikCentral" from the first failed request, with the reason, and clears both once they answer',
    async () => {
      const { app, world } = w;
      const page = browser!.page;
      await app.syncOnce({ deliverForMs: 0 });
      await overview();
      expect(await page.getByTestId('humand-unreachable').count()).toBe(0);
      expect(await page.getByTestId('hik-unreachable').count()).toBe(0);

      // Humand drops every connection; HikCentral refuses them: one pass is enough to say so.
      world.humand.faults.set({ resetNext: 1_000 });
      world.hik.faults.set({ refuseConnections: true });
      await app.refreshMappings();
      await app.syncOnce({ deliverForMs: 0 });
      await overview();
      const humand = page.getByTestId('humand-unreachable');
      expect(await humand.getAttribute('role')).toBe('alert');
      expect(await humand.textContent()).toMatch(/^Humand no responde desde \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(\d+ pedidos sin respuesta\)/);
      expect(await humand.textContent()).toContain('la conexión con Humand se cerró antes de que llegara la respuesta');
      expect(await humand.textContent()).toContain('Todas las fichadas se guardan y se envían cuando Humand vuelva a responder');
      // The delivery banner does not say "running" as if all were well.
      expect(await page.getByTestId('delivery-state').textContent()).toMatch(/^La entrega está en espera: Humand no responde/);
      const hik = page.getByTestId('hik-unreachable');
      expect(await hik.textContent()).toMatch(/^No se pudo leer HikCentral en la última consulta/);
      expect(await hik.textContent()).toContain('falla de red al hablar con HikCentral en https://127.0.0.1:');
      if (docImages) await page.screenshot({ path: path.join(docImages, 'health-banners.png') });

      world.humand.faults.set({ resetNext: 0 });
      world.hik.faults.set({ refuseConnections: false });
      await app.refreshMappings();
      await app.syncOnce({ deliverForMs: 0 });
      await overview();
      expect(await page.getByTestId('humand-unreachable').count()).toBe(0);
      expect(await page.getByTestId('hik-unreachable').count()).toBe(0);
      expect(await page.getByTestId('delivery-state').textContent()).toMatch(/^El envío a Humand está funcionando/);
      expect(browser!.problems).toEqual([]);
    },
  );
});
