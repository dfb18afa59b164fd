import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli-process.js';
import { startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite({ employees: 2 });
});
afterAll(async () => {
  await site.close();
});

describe('push subscription commands', () => {
  it('subscribe makes HikCentral push to WEBHOOK_URL; subscriptions and doctor then show it', async () => {
    const env = { ...site.env, WEBHOOK_URL: 'http://127.0.0.1:8089/hik/events', WEBHOOK_TOKEN: 'a-long-random-webhook-token-1234' };
    const subscribe = await runCli(['subscribe'], { cwd: site.dir, env });
    expect(subscribe.stderr).toBe('');
    expect(subscribe.code).toBe(0);
    expect(subscribe.stdout).toMatch(/^Subscribed \d+ event types → http:\/\/127\.0\.0\.1:8089\/hik\/events/);
    const destinations = site.hik.state.subscriptions().map((s) => s.eventDest);
    expect(destinations).toContain('http://127.0.0.1:8089/hik/events');

    const listed = await runCli(['subscriptions', '--json'], { cwd: site.dir, env });
    expect(listed.code).toBe(0);
    const subscriptions = JSON.parse(listed.stdout) as Array<{ eventDest: string; ours: boolean }>;
    expect(subscriptions.find((s) => s.eventDest === 'http://127.0.0.1:8089/hik/events')?.ours).toBe(true);

    const doctor = await runCli(['doctor', '--json'], { cwd: site.dir, env });
    const push = (JSON.parse(doctor.stdout) as { checks: Array<{ name: string; status: string }> }).checks.find((c) => c.name === 'push');
    expect(push?.status).toBe('ok');

    // In Spanish, the same answers.
    const es = { ...env, HIK2HUMAND_LANG: 'es' };
    const again = await runCli(['subscribe', '--if-missing'], { cwd: site.dir, env: es });
    expect(again.stdout).toMatch(/^La suscripción ya existe: \d+ tipos de evento → http:\/\/127\.0\.0\.1:8089\/hik\/events/);
    const table = await runCli(['subscriptions'], { cwd: site.dir, env: es });
    expect(table.stdout).toContain('(* = este receptor, http://127.0.0.1:8089/hik/events; todos los tipos de acceso concedido están suscriptos)');
    const off = await runCli(['unsubscribe'], { cwd: site.dir, env: es });
    expect(off.stdout).toMatch(/^Tipos de evento dados de baja: \d+/);
  }, 60_000);
});
