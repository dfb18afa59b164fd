import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/ports.js';
import { capturedLogger, collect, person, SITE_ZONE, startHarness, type Harness } from './support/harness.js';

const APP_KEY = '60606060';
const APP_SECRET = 'persons-test-secret-value';
const PERSONS_PATH = '/artemis/api/resource/v1/person/personList';

describe('persons, subscriptions and probe against the simulator over HTTPS', () => {
  let harness: Harness;
  const everyone = Array.from({ length: 1_203 }, (_, i) => person(i + 1));

  beforeAll(async () => {
    harness = await startHarness({ appKey: APP_KEY, appSecret: APP_SECRET });
  });
  afterAll(async () => {
    await harness.closeAll();
  });
  beforeEach(() => {
    harness.sim.state.loadScenario({ site: { timezone: SITE_ZONE }, persons: everyone, doors: [], events: [] });
    harness.sim.state.resetRequestLog();
  });

  describe('persons', () => {
    it('lists 1,203 persons in three pages of up to 500', async () => {
      const persons = await collect(harness.client().listPersons());
      expect(persons).toHaveLength(1_203);
      expect(new Set(persons.map((p) => p.personId)).size).toBe(1_203);
      expect(harness.sim.state.requests().filter((r) => r.path === PERSONS_PATH)).toHaveLength(3);
    });

    it('maps a person: code, name, cards, custom fields (the platform spells the key "customFiledName")', async () => {
      harness.sim.state.addPersons([person(7, { cardNos: ['123', '456'], customFields: { Legajo: '20417', Sector: 'Planta' } })]);
      const found = await harness.client().getPersonById('1007');
      expect(found).toEqual({
        personId: '1007',
        personCode: 'E00007',
        personName: 'Nombre7 Apellido7',
        cardNos: ['123', '456'],
        customFields: { Legajo: '20417', Sector: 'Planta' },
      });
    });

    it('finds a person by personCode and by personId, and answers null for somebody the platform does not have', async () => {
      const client = harness.client();
      await expect(client.getPersonByCode('E00042')).resolves.toMatchObject({ personId: '1042', personCode: 'E00042' });
      await expect(client.getPersonById('1042')).resolves.toMatchObject({ personCode: 'E00042' });
      await expect(client.getPersonByCode('NOPE')).resolves.toBeNull();
      await expect(client.getPersonById('999999')).resolves.toBeNull();
    });

    it('does not warn about a person that simply does not exist', async () => {
      const log = capturedLogger();
      await harness.client({ logger: log.logger }).getPersonById('999999');
      expect(log.records().filter((r) => r.level === 'warn')).toEqual([]);
    });
  });

  describe('event subscriptions', () => {
    it('subscribes, shows and unsubscribes, without logging the token', async () => {
      const log = capturedLogger();
      const client = harness.client({ logger: log.logger });
      const token = 'push-token-that-must-stay-secret';
      await client.subscribe({ eventTypes: [196893, 198914], eventDest: 'https://receiver.example:8443/hik/events', token, passBack: true });

      const subscriptions = await client.viewSubscriptions();
      expect(subscriptions).toEqual([{ eventTypes: [196893, 198914], eventDest: 'https://receiver.example:8443/hik/events' }]);
      // The platform got the token (it sends it back on every push) and the passBack flag.
      expect(harness.sim.state.subscriptions().map((sub) => ({ token: sub.token, passBack: sub.passBack }))).toEqual([
        { token, passBack: 1 },
        { token, passBack: 1 },
      ]);

      await client.unsubscribe([196893, 198914]);
      await expect(client.viewSubscriptions()).resolves.toEqual([]);
      expect(log.lines().join('\n')).not.toContain(token);
    });
  });

  describe('probe', () => {
    it('reports latency and the clock skew between this host and the platform', async () => {
      // The client's clock runs five minutes ahead of the platform (inside the gateway's tolerance).
      const ahead: Clock = { now: () => Date.now() + 5 * 60_000, sleep: () => Promise.resolve() };
      const result = await harness.client({ clock: ahead }).probe();
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.serverTime).toEqual(expect.any(String));
      // Generous bound: the Date header has one-second resolution and the machine may be slow.
      expect(Math.abs((result.clockSkewMs ?? 0) + 5 * 60_000)).toBeLessThan(5_000);
    });

    it('reports a failure as data, with the hint, instead of throwing', async () => {
      const result = await harness.client({ appSecret: 'not-the-secret' }).probe();
      expect(result).toMatchObject({
        ok: false,
        error: { category: 'configuration', reason: 'signature-invalid', code: '0x02401003', hint: expect.stringMatching(/HIK_SECRET/) },
      });
    });

    it('costs one small request', async () => {
      await harness.client().probe();
      expect(harness.sim.state.requestCounts().total).toBe(1);
    });
  });
});
