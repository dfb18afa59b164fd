import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { generateSimUsers, startHumandSimulator, type HumandSimulator } from '../../src/sim/humand/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { HumandOpenApi } from './support/openapi-validator.js';
import { API_KEY, NOON_BUENOS_AIRES, OFFSET } from './support/fixtures.js';

const spec = new HumandOpenApi();
const EMPLOYEE = '30000001';

interface Exchange {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

describe("the simulator answers in the shapes of Humand's own OpenAPI document", () => {
  const clock = new AutoAdvanceClock(NOON_BUENOS_AIRES);
  let sim: HumandSimulator;
  let call: (method: 'GET' | 'POST', path: string, options?: { body?: unknown; key?: string }) => Promise<Exchange>;

  beforeAll(async () => {
    sim = await startHumandSimulator({
      apiKey: API_KEY,
      clock,
      users: [
        ...generateSimUsers(3),
        { employeeInternalId: '40000001', firstName: 'Zoe', lastName: 'Ríos', fields: { Turnos: ['mañana', 'noche'], Legajo: 7 } },
      ],
    });
    call = async (method, path, options = {}) => {
      const response = await request(`${sim.url}${path}`, {
        method,
        headers: { authorization: `Basic ${options.key ?? API_KEY}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };
  });
  afterAll(async () => {
    await sim.close();
  });

  const expectValid = (path: string, method: string, exchange: Exchange, status: number) => {
    expect(exchange.status).toBe(status);
    expect(spec.check(path, method, status, exchange.body)).toEqual([]);
    // Every answer carries the rate-limit headers, in the documented format.
    expect(exchange.headers['ratelimit']).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
    expect(exchange.headers['ratelimit-policy']).toMatch(/^\d+;w=\d+$/);
  };

  it('the validator is not vacuous: undocumented fields and wrong enums fail', () => {
    expect(spec.checkComponent('TimeTrackingEntry', { id: 1, type: 'START', time: '2026-01-27T08:00:00.000-03:00' })).toEqual([]);
    expect(spec.checkComponent('TimeTrackingEntry', { id: 1, type: 'BREAK' })).not.toEqual([]);
    expect(spec.checkComponent('TimeTrackingEntry', { id: 1, type: 'START', invented: true })).not.toEqual([]);
    expect(spec.checkComponent('TimeTrackingEntry', { id: 1, type: 'START', time: '08:00' })).not.toEqual([]);
    expect(spec.checkComponent('User', { id: 1, employeeInternalId: '1', firstName: 'A', lastName: 'B', status: 'GONE' })).not.toEqual([]);
    expect(spec.checkComponent('User', { id: 1, firstName: 'A', lastName: 'B' })).not.toEqual([]);
    const user = { id: 1, employeeInternalId: '1', firstName: 'A', lastName: 'B', status: 'ACTIVE', fields: [{ id: 'f', name: 'n', value: 'v' }] };
    expect(spec.checkComponent('User', user)).toEqual([]);
    expect(spec.checkComponent('Users', { count: 1, users: [{ ...user, invented: 1 }] })).not.toEqual([]);
  });

  it('clockIn and clockOut 201 are TimeTrackingEntry', async () => {
    const start = await call('POST', '/time-tracking/entries/clockIn', {
      body: { employeeId: EMPLOYEE, now: formatHumandTime(clock.now() - 3_600_000, OFFSET), comment: 'Puerta 1' },
    });
    expectValid('/time-tracking/entries/clockIn', 'post', start, 201);
    // Numeric employeeId, as the spec types it, is accepted too.
    const end = await call('POST', '/time-tracking/entries/clockOut', {
      body: { employeeId: Number(EMPLOYEE), now: formatHumandTime(clock.now() - 60_000, OFFSET) },
    });
    expectValid('/time-tracking/entries/clockOut', 'post', end, 201);
    expect(end.body).not.toHaveProperty('comment');
  });

  it('the entries list is TimeTrackingEntryPaginated', async () => {
    const list = await call('GET', `/time-tracking/entries?employeeId=${EMPLOYEE}&startDate=2026-01-27&endDate=2026-01-27&page=1&limit=50`);
    expectValid('/time-tracking/entries', 'get', list, 200);
    expect(list.body).toMatchObject({ page: 1, limit: 50, totalPages: 1, count: 2 });
  });

  it('day summaries are TimeTrackingDaySummaryPaginated', async () => {
    const summaries = await call('GET', `/time-tracking/day-summaries?employeeIds=${EMPLOYEE},30000002&startDate=2026-01-27&endDate=2026-01-27`);
    expectValid('/time-tracking/day-summaries', 'get', summaries, 200);
    expect(summaries.body).toMatchObject({ count: 1, items: [{ employeeId: EMPLOYEE, referenceDate: '2026-01-27', weekday: 'TUESDAY' }] });
  });

  it('day summaries with entries from several sources, written out of time order, a page of 500 and a refused read path still answer in the documented shapes', async () => {
    sim.state.addAppEntry({ employeeInternalId: '30000003', time: '2026-01-26T18:00:00.000-03:00', type: 'END', source: 'FACE_ID' });
    sim.state.addAppEntry({ employeeInternalId: '30000003', time: '2026-01-26T08:00:00.000-03:00', type: 'START', source: 'QR' });
    const summaries = await call('GET', '/time-tracking/day-summaries?employeeIds=30000003&startDate=2026-01-26&endDate=2026-01-26&limit=500');
    expectValid('/time-tracking/day-summaries', 'get', summaries, 200);
    expect(summaries.body).toMatchObject({
      items: [
        {
          entries: [{ source: 'QR', site: { name: 'Sede central' } }, { source: 'FACE_ID' }],
          holidays: [],
          timeOffRequests: [],
          hours: { worked: 10, scheduled: 0 },
        },
      ],
    });
    sim.state.setReadRefusals({ entries: true, daySummaries: true });
    try {
      expectValid(
        '/time-tracking/entries',
        'get',
        await call('GET', '/time-tracking/entries?employeeId=30000003&startDate=2026-01-26&endDate=2026-01-26'),
        400,
      );
      expectValid(
        '/time-tracking/day-summaries',
        'get',
        await call('GET', '/time-tracking/day-summaries?employeeIds=30000003&startDate=2026-01-26&endDate=2026-01-26'),
        400,
      );
    } finally {
      sim.state.setReadRefusals({ entries: false, daySummaries: false });
    }
  });

  it('users list is Users, one user is User, an unknown one is NotFoundError', async () => {
    expectValid('/users', 'get', await call('GET', '/users?limit=10'), 200);
    expectValid('/users', 'get', await call('GET', '/users?search=zoe'), 200);
    expectValid('/users/{employeeInternalId}', 'get', await call('GET', '/users/40000001'), 200);
    expectValid('/users/{employeeInternalId}', 'get', await call('GET', '/users/1234'), 404);
  });

  it('every documented error answer matches its schema', async () => {
    const noOffset = await call('POST', '/time-tracking/entries/clockIn', { body: { employeeId: EMPLOYEE, now: '2026-01-27T08:00:00.000', comment: '' } });
    expectValid('/time-tracking/entries/clockIn', 'post', noOffset, 400);
    const rule = await call('POST', '/time-tracking/entries/clockOut', {
      body: { employeeId: EMPLOYEE, now: formatHumandTime(clock.now() - 30_000, OFFSET), comment: '' },
    });
    expectValid('/time-tracking/entries/clockOut', 'post', rule, 400);
    expectValid('/time-tracking/entries', 'get', await call('GET', '/time-tracking/entries?employeeId=1'), 400);
    expectValid('/users', 'get', await call('GET', '/users?limit=51'), 400);
    expectValid('/time-tracking/entries/clockIn', 'post', await call('POST', '/time-tracking/entries/clockIn', { body: {}, key: 'nope' }), 401);

    sim.state.setForbidden(true);
    const forbidden = await call('GET', `/time-tracking/entries?employeeId=${EMPLOYEE}&startDate=2026-01-27&endDate=2026-01-27`);
    sim.state.setForbidden(false);
    expectValid('/time-tracking/entries', 'get', forbidden, 403);

    sim.faults.set({ fail5xxNext: 1 });
    expectValid('/time-tracking/entries/clockIn', 'post', await call('POST', '/time-tracking/entries/clockIn', { body: {} }), 500);
  });

  it('the 429 matches TooManyRequestsError', async () => {
    const limited = await startHumandSimulator({ apiKey: API_KEY, clock, rateLimit: { limit: 1, windowMs: 60_000 } });
    try {
      const headers = { authorization: `Basic ${API_KEY}` };
      await (await request(`${limited.url}/users`, { headers })).body.text();
      const response = await request(`${limited.url}/users`, { headers });
      const exchange = { status: response.statusCode, headers: response.headers, body: await response.body.json() };
      expectValid('/users', 'get', exchange, 429);
      expect(exchange.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
