import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ConfigurationError } from '../../src/domain/errors.js';
import { parseAdminSettings } from '../../src/ops/settings.js';
import { startOpsWorld, type OpsWorld } from './helpers/ops-world.js';
import { deadAndRejected } from './helpers/problem-punches.js';
import { until } from './helpers/until.js';

let w: OpsWorld | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const ADMIN = { username: 'sistemas', password: 'admin-password-1' };
const HR = { username: 'rrhh', password: 'hr-password-123' };
const basic = (login: { username: string; password: string }) => `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;

async function call(url: string, login: { username: string; password: string }, body?: unknown) {
  const response = await request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: basic(login), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, json: () => JSON.parse(text) as Record<string, unknown> };
}

describe('read-only HR login beside the admin login', () => {
  it('HR sees every page but every action answers 403 with the reason; the admin may act', async () => {
    w = await startOpsWorld({ employees: 6, seed: 21, maxAttempts: 1, auth: ADMIN, hrAuth: HR });
    const { dead, rejected } = await deadAndRejected(w);
    const url = w.ops.url;

    expect((await call(`${url}/api/me`, HR)).json()).toEqual({ role: 'hr', user: 'rrhh', readOnly: true });
    expect((await call(`${url}/api/me`, ADMIN)).json()).toEqual({ role: 'admin', user: 'sistemas', readOnly: false });
    for (const path of [
      '/',
      '/api/overview',
      '/api/problems',
      '/api/problems/totals',
      '/api/punches?date=2026-01-27',
      '/api/attendance?from=2026-01-27&to=2026-01-27',
      '/api/export/punches?from=2026-01-27&to=2026-01-27&format=csv',
      '/api/export/attendance?from=2026-01-27&to=2026-01-27&format=xlsx&lang=es',
      '/api/coverage',
    ]) {
      expect((await call(`${url}${path}`, HR)).status, path).toBe(200);
    }
    const problems = (await call(`${url}/api/problems`, HR)).json() as { dead: { id: number }[]; rejected: { id: number }[] };
    expect(problems.dead.map((p) => p.id)).toEqual([dead]);
    expect(problems.rejected.map((p) => p.id)).toEqual([rejected]);

    for (const [path, body] of [
      ['/api/redrive', { all: true }],
      ['/api/redrive', { ids: [dead] }],
      ['/api/problems/fixed', { ids: [rejected] }],
      ['/api/reprocess', { from: '2026-01-27', to: '2026-01-27', dryRun: false }],
    ] as const) {
      const refused = await call(`${url}${path}`, HR, body);
      expect(refused.status, path).toBe(403);
      expect(refused.json().error).toMatch(/^The HR login is read-only: re-drive, reprocess and "fixed in Humand" need the admin login/);
    }
    expect((await w.app.store.getPunch(dead))?.outcome).toBe('dead');
    expect((await w.app.store.getPunch(rejected))?.outcome).toBe('rejected');
    // A wrong HR password is no login at all.
    expect((await call(`${url}/api/overview`, { ...HR, password: 'not-it-at-all' })).status).toBe(401);

    // "Re-drive all dead" (the admin) takes the dead punch only: the rejected one waits for its cause to be fixed.
    const redrive = await call(`${url}/api/redrive`, ADMIN, { all: true });
    expect(redrive.json()).toEqual({ redriven: 1 });
    await w.app.deliverPending();
    await until('the re-driven punch delivered', async () => (await w!.app.store.getPunch(dead))?.outcome === 'delivered');
    expect((await w.app.store.getPunch(rejected))?.outcome).toBe('rejected');
  });

  it("refuses an HR login without an admin login, and one with the admin's user name", () => {
    expect(() => parseAdminSettings({ DASHBOARD_HR_PASSWORD: 'hr-password-123' })).toThrow(ConfigurationError);
    expect(() => parseAdminSettings({ DASHBOARD_HR_PASSWORD: 'hr-password-123' })).toThrow(/no admin login/);
    expect(() => parseAdminSettings({ DASHBOARD_PASSWORD: 'admin-password-1', DASHBOARD_USER: 'rrhh', DASHBOARD_HR_PASSWORD: 'hr-password-123' })).toThrow(
      /both "rrhh"/,
    );
    expect(parseAdminSettings({ DASHBOARD_PASSWORD: 'admin-password-1', DASHBOARD_HR_PASSWORD: 'hr-password-123' }).hrAuth).toEqual({
      username: 'rrhh',
      password: 'hr-password-123',
    });
  });
});
