import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { OpsWorld } from '../../ops/helpers/ops-world.js';
import { until } from '../../ops/helpers/until.js';

/** The Debian package's Chromium, driven by playwright-core (which never downloads a browser). */
export const CHROMIUM = '/usr/bin/chromium';

export interface DashboardBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors seen so far: a test ends expecting none. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Headless Chromium in Spanish (es-AR) on a laptop-sized window, with a throw-away profile. */
export async function openDashboardBrowser(
  options: { readonly httpCredentials?: { username: string; password: string }; readonly acceptDownloads?: boolean } = {},
): Promise<DashboardBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'es-AR',
    viewport: { width: 1366, height: 900 },
    ...(options.httpCredentials ? { httpCredentials: options.httpCredentials } : {}),
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the daemon has polled the generated day and delivered everything it will. */
export async function untilDayDelivered(w: OpsWorld): Promise<void> {
  await until('the generated day delivered', async () => {
    const status = await w.app.status();
    const c = status.counts;
    return status.poll.lastSuccessMs !== null && c.delivered > 0 && c.queued + c.held + c.sending + c.received === 0;
  });
}
