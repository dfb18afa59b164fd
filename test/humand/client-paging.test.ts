import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { generateSimUsers } from '../../src/sim/humand/index.js';
import { startHarness, OFFSET, type Harness } from './support/fixtures.js';

const pagesAsked = (h: Harness, path: string) =>
  h.sim.state.requests.filter((request) => request.path.endsWith(path)).map((request) => [request.query.page, request.query.limit]);

describe('HumandClient paged reads', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('reads 137 users in 3 pages of 50, although Humand reports count=page size', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(137) }));
    const result = await h.client.listUsers();
    expect(result.ok && result.value).toHaveLength(137);
    expect(pagesAsked(h, '/users')).toEqual([
      ['1', '50'],
      ['2', '50'],
      ['3', '50'],
    ]);
    const ids = result.ok ? result.value.map((user) => user.employeeInternalId) : [];
    expect(new Set(ids).size).toBe(137);
  });

  it('asks for one more (empty) page when the last page is exactly full', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(100) }));
    const result = await h.client.listUsers();
    expect(result.ok && result.value).toHaveLength(100);
    expect(pagesAsked(h, '/users')).toEqual([
      ['1', '50'],
      ['2', '50'],
      ['3', '50'],
    ]);
  });

  it('maps users to the domain, every status included, custom fields flattened', async () => {
    const h = (harness = await startHarness({
      users: [
        {
          employeeInternalId: '20111222',
          firstName: 'Ana',
          lastName: 'Sosa',
          email: 'ana@example.test',
          fields: { Legajo: 'A-17', Turnos: ['mañana', 'tarde'] },
        },
        { employeeInternalId: '20333444', firstName: 'Bruno', lastName: 'Vega', status: 'DEACTIVATED' },
        { employeeInternalId: '20555666', firstName: 'Carla', lastName: 'Ortiz', status: 'UNCLAIMED', fields: { Legajo: 42 } },
      ],
    }));
    const result = await h.client.listUsers();
    expect(result.ok && result.value).toEqual([
      {
        id: expect.any(Number),
        employeeInternalId: '20111222',
        email: 'ana@example.test',
        firstName: 'Ana',
        lastName: 'Sosa',
        status: 'ACTIVE',
        fields: { Legajo: 'A-17', Turnos: 'mañana,tarde' },
      },
      { id: expect.any(Number), employeeInternalId: '20333444', email: null, firstName: 'Bruno', lastName: 'Vega', status: 'DEACTIVATED', fields: {} },
      {
        id: expect.any(Number),
        employeeInternalId: '20555666',
        email: null,
        firstName: 'Carla',
        lastName: 'Ortiz',
        status: 'UNCLAIMED',
        fields: { Legajo: '42' },
      },
    ]);
  });

  it('getUser finds one user and reports an unknown one as not-found', async () => {
    const h = (harness = await startHarness());
    const found = await h.client.getUser('30000003');
    expect(found.ok && found.value.employeeInternalId).toBe('30000003');
    const missing = await h.client.getUser('12345678');
    expect(missing).toMatchObject({ ok: false, failure: { kind: 'not-found', status: 404, code: 'NOT_FOUND' } });
    expect(missing.rateLimit?.remaining).toBe(48);
  });

  it('listEntries follows pages until a short one and returns every entry of the date range in order', async () => {
    const h = (harness = await startHarness());
    const employee = '30000004';
    // 120 entries: 15 START/END pairs on each of four days, written as another writer (the app) to set the scene fast.
    const days = ['2026-01-20', '2026-01-21', '2026-01-22', '2026-01-23'];
    for (const day of days) {
      for (let pair = 0; pair < 15; pair++) {
        const base = Date.parse(`${day}T10:00:00.000Z`) + pair * 20 * 60_000;
        h.sim.state.addAppEntry({ employeeInternalId: employee, time: formatHumandTime(base, OFFSET), type: 'START' });
        h.sim.state.addAppEntry({ employeeInternalId: employee, time: formatHumandTime(base + 10 * 60_000, OFFSET), type: 'END' });
      }
    }
    const result = await h.client.listEntries(employee, '2026-01-20', '2026-01-23');
    expect(result.ok && result.value).toHaveLength(120);
    expect(pagesAsked(h, '/time-tracking/entries')).toEqual([
      ['1', '50'],
      ['2', '50'],
      ['3', '50'],
    ]);
    const types = result.ok ? result.value.map((entry) => entry.type) : [];
    expect(types.filter((type, index) => type === types[index - 1])).toEqual([]);
    expect(result.ok && result.value.every((entry) => entry.source === 'APP' && entry.employeeInternalId === employee)).toBe(true);

    const oneDay = await h.client.listEntries(employee, '2026-01-22', '2026-01-22');
    expect(oneDay.ok && oneDay.value.map((entry) => entry.date)).toEqual(Array(30).fill('2026-01-22'));
  });

  it('listEntries refuses malformed dates without sending anything', async () => {
    const h = (harness = await startHarness());
    expect(await h.client.listEntries('30000001', '2026-1-2', '2026-01-03')).toMatchObject({ ok: false, failure: { kind: 'bad-request', status: 0 } });
    expect(await h.client.listEntries('30000001', '2026-01-05', '2026-01-03')).toMatchObject({ ok: false, failure: { kind: 'bad-request', status: 0 } });
    expect(h.sim.state.requests).toHaveLength(0);
  });

  it('waits out a 429 in the middle of a listing on the injected clock and continues where it stopped', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(137), rateLimit: { limit: 2, windowMs: 60_000 } }));
    const result = await h.client.listUsers();
    expect(result.ok && result.value).toHaveLength(137);
    expect(h.clock.sleeps).toEqual([60_000]);
    expect(pagesAsked(h, '/users')).toEqual([
      ['1', '50'],
      ['2', '50'],
      ['3', '50'],
      ['3', '50'],
    ]);
    expect(h.sim.state.countsByStatus()).toEqual({ '200': 3, '429': 1 });
  });

  it('returns rate-limited instead of waiting when the wait budget is 0', async () => {
    const h = (harness = await startHarness({ users: generateSimUsers(137), rateLimit: { limit: 2, windowMs: 60_000 } }, { pagingRateLimitWaitMaxMs: 0 }));
    const result = await h.client.listUsers();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'rate-limited', retryAfterMs: 60_000 } });
    expect(h.clock.sleeps).toEqual([]);
  });
});
