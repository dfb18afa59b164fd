import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { startHumandSimulator, type HumandSimulator, type HumandSimulatorOptions } from '../../src/sim/humand/index.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { API_KEY, NOON_BUENOS_AIRES, OFFSET } from './support/fixtures.js';

const EMPLOYEE = '20111222';
const HOUR = 3_600_000;

describe('Humand simulator behaviour over raw HTTP', () => {
  let sim: HumandSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const start = async (options: Partial<HumandSimulatorOptions> = {}) => {
    const clock = new AutoAdvanceClock(NOON_BUENOS_AIRES);
    sim = await startHumandSimulator({
      apiKey: API_KEY,
      clock,
      users: [
        { employeeInternalId: EMPLOYEE, firstName: 'Ana', lastName: 'Sosa', email: 'ana.sosa@example.test' },
        { employeeInternalId: '20333444', firstName: 'Bruno', lastName: 'Vega', status: 'UNCLAIMED' },
      ],
      ...options,
    });
    const running = sim;
    const call = async (method: 'GET' | 'POST', path: string, body?: unknown, auth = `Basic ${API_KEY}`) => {
      const response = await request(`${running.url}${path}`, {
        method,
        headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
    };
    const clockIn = (now: string, employeeId = EMPLOYEE) => call('POST', '/time-tracking/entries/clockIn', { employeeId, now, comment: 'Door' });
    const clockOut = (now: string, employeeId = EMPLOYEE) => call('POST', '/time-tracking/entries/clockOut', { employeeId, now, comment: 'Door' });
    return { sim: running, clock, call, clockIn, clockOut };
  };

  it('serves under /public/api/v1 and checks the key as "Basic <key>"', async () => {
    const { sim: running, call } = await start();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/api\/v1$/);
    expect((await call('GET', '/users')).status).toBe(200);
    expect((await call('GET', '/users', undefined, `Basic ${Buffer.from(API_KEY).toString('base64')}`)).status).toBe(401);
    expect(await call('GET', '/users', undefined, '')).toEqual({ status: 401, body: { message: 'Invalid credentials', code: 'UNKNOWN_TOKEN', metadata: {} } });
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });

  it('rejects a now without an explicit offset as INVALID_DATA 400, even when rules answer 422', async () => {
    const { clockIn } = await start({ rejectionStatus: 422 });
    const result = await clockIn('2026-01-27T08:00:00.000');
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'INVALID_DATA' });
    expect((await clockIn('2026-01-27T08:00:00.000-0300')).status).toBe(201);
  });

  it('rejects a malformed body as INVALID_DATA', async () => {
    const { call } = await start();
    expect((await call('POST', '/time-tracking/entries/clockIn', '{"employeeId":')).body).toMatchObject({ code: 'INVALID_DATA' });
    expect((await call('POST', '/time-tracking/entries/clockIn', { now: '2026-01-27T08:00:00.000-03:00' })).status).toBe(400);
  });

  it('enforces alternation per day, lets a night shift close after midnight, and tolerates a little clock skew', async () => {
    const { clock, clockIn, clockOut, sim: running } = await start({ futureToleranceMs: 60_000 });
    const t = (msFromNow: number) => formatHumandTime(clock.now() + msFromNow, OFFSET);
    expect((await clockIn(t(-4 * HOUR))).status).toBe(201);
    expect((await clockIn(t(-3 * HOUR))).status).toBe(400); // START, START
    expect((await clockOut(t(-2 * HOUR))).status).toBe(201);
    expect((await clockOut(t(-1 * HOUR))).status).toBe(400); // END, END
    // A START slipped in before an existing START of the same day is a START, START too.
    expect((await clockIn(t(-5 * HOUR))).status).toBe(400);
    expect((await clockIn(t(30_000))).status).toBe(201); // 30 s ahead: within tolerance
    expect((await clockOut(t(2 * 60_000))).status).toBe(400); // 2 min ahead: future

    // Night shift: START 22:00 on the 27th, END 06:00 on the 28th.
    clock.advance(20 * HOUR);
    expect((await clockOut(t(-19 * HOUR))).status).toBe(201); // close the afternoon
    expect((await clockIn(t(-10 * HOUR))).status).toBe(201); // 22:00 on the 27th
    expect((await clockOut(t(-2 * HOUR))).status).toBe(201); // 06:00 on the 28th
    expect(running.state.timeline(EMPLOYEE).map((entry) => `${entry.referenceDate} ${entry.type}`)).toEqual([
      '2026-01-27 START',
      '2026-01-27 END',
      '2026-01-27 START',
      '2026-01-27 END',
      '2026-01-27 START',
      '2026-01-28 END',
    ]);
  });

  it('lets UNCLAIMED users clock, refuses deactivated and unknown ones', async () => {
    const { clock, clockIn, sim: running } = await start();
    const now = formatHumandTime(clock.now(), OFFSET);
    expect((await clockIn(now, '20333444')).status).toBe(201);
    running.state.deactivateUser(EMPLOYEE);
    expect((await clockIn(now)).body).toMatchObject({ code: 'INVALID_DATA', message: expect.stringMatching(/deactivated/) });
    expect((await clockIn(now, '11111111')).body).toMatchObject({ message: expect.stringMatching(/not found/) });
  });

  it('auto-closes open earlier days with an AUTO_CLOSE END, so an END after midnight is then refused', async () => {
    const { clock, clockIn, clockOut, sim: running } = await start({ autoCloseOpenDays: true });
    clock.advance(20 * HOUR); // 08:00 on the 28th
    expect((await clockIn(formatHumandTime(clock.now() - 10 * HOUR, OFFSET))).status).toBe(201); // 22:00 on the 27th
    expect((await clockOut(formatHumandTime(clock.now() - 2 * HOUR, OFFSET))).status).toBe(400);
    expect(running.state.timeline(EMPLOYEE).map((entry) => [entry.type, entry.source, entry.time])).toEqual([
      ['START', 'INTEGRATION', '2026-01-27T22:00:00.000-03:00'],
      ['END', 'AUTO_CLOSE', '2026-01-27T23:59:59.999-03:00'],
    ]);
  });

  it('runAutoClose closes every open day on a date; addAppEntry writes as another writer', async () => {
    const { sim: running, clockIn } = await start();
    running.state.addAppEntry({ employeeInternalId: '20333444', time: '2026-01-27T07:55:00.000-03:00', type: 'START', comment: 'app' });
    expect((await clockIn('2026-01-27T08:00:00.000-03:00')).status).toBe(201);
    const closed = running.state.runAutoClose('2026-01-27');
    expect(closed.map((entry) => [entry.employeeInternalId, entry.source])).toEqual([
      ['20333444', 'AUTO_CLOSE'],
      [EMPLOYEE, 'AUTO_CLOSE'],
    ]);
    expect(running.state.runAutoClose('2026-01-27')).toEqual([]);
    expect(running.state.timeline('20333444').map((entry) => entry.source)).toEqual(['APP', 'AUTO_CLOSE']);
  });

  it('pages users like production: limit above 50 is 400, count is the page size, search filters', async () => {
    const { call } = await start();
    expect((await call('GET', '/users?limit=51')).status).toBe(400);
    expect((await call('GET', '/users?page=0')).status).toBe(400);
    expect((await call('GET', '/users?limit=1&page=2')).body).toMatchObject({ count: 1, users: [{ employeeInternalId: '20333444' }] });
    expect((await call('GET', '/users?limit=1&page=3')).body).toEqual({ count: 0, users: [] });
    expect((await call('GET', '/users?search=SOSA')).body).toMatchObject({ count: 1, users: [{ firstName: 'Ana' }] });
    expect((await call('GET', '/users?search=ana.sosa@')).body).toMatchObject({ count: 1 });
  });

  it('requires employeeId, startDate and endDate to list entries, and filters by reference date', async () => {
    const { call, sim: running } = await start();
    running.state.addAppEntry({ employeeInternalId: EMPLOYEE, time: '2026-01-26T23:30:00.000-03:00', type: 'START' });
    running.state.addAppEntry({ employeeInternalId: EMPLOYEE, time: '2026-01-27T00:30:00.000-03:00', type: 'END' });
    expect((await call('GET', `/time-tracking/entries?employeeId=${EMPLOYEE}&startDate=2026-01-27`)).status).toBe(400);
    const list = await call('GET', `/time-tracking/entries?employeeId=${EMPLOYEE}&startDate=2026-01-27&endDate=2026-01-27`);
    expect(list.body).toMatchObject({ totalPages: 1, count: 1, items: [{ type: 'END', referenceDate: '2026-01-27', time: '2026-01-27T00:30:00.000-03:00' }] });
  });

  it("fails one employee's clock requests with 500 (nothing recorded) until cleared; other employees and reads are untouched", async () => {
    const { sim: running, clock, call, clockIn } = await start();
    running.faults.set({ failClocksOf: EMPLOYEE });
    expect((await clockIn(formatHumandTime(clock.now(), OFFSET))).status).toBe(500);
    expect((await clockIn(formatHumandTime(clock.now(), OFFSET), '20333444')).status).not.toBe(500);
    expect((await call('GET', '/users')).status).toBe(200);
    expect(running.state.timeline(EMPLOYEE)).toHaveLength(0);
    running.faults.set({ failClocksOf: null });
    expect((await clockIn(formatHumandTime(clock.now(), OFFSET))).status).toBe(201);
    expect(running.state.timeline(EMPLOYEE)).toHaveLength(1);
  });

  it('logs every request with its outcome and counts them by status', async () => {
    const { call, clockIn, sim: running, clock } = await start();
    await call('GET', '/users');
    await call('GET', '/users', undefined, 'Basic wrong');
    running.faults.set({ loseAnswerNext: 1 });
    await expect(clockIn(formatHumandTime(clock.now(), OFFSET))).rejects.toThrow();
    running.faults.set({ resetNext: 1 });
    await expect(call('GET', '/users')).rejects.toThrow();
    expect(running.state.requests.map((record) => [record.method, record.path.replace('/public/api/v1', ''), record.status, record.outcome])).toEqual([
      ['GET', '/users', 200, 'answered'],
      ['GET', '/users', 401, 'answered'],
      ['POST', '/time-tracking/entries/clockIn', 201, 'lost-answer'],
      ['GET', '/users', null, 'reset'],
    ]);
    expect(running.state.requests[2]?.body).toMatchObject({ employeeId: EMPLOYEE, comment: 'Door' });
    expect(running.state.countsByStatus()).toEqual({ '200': 1, '401': 1, 'lost-answer': 1, reset: 1 });
    expect(running.faults.pending).toMatchObject({ resetNext: 0, loseAnswerNext: 0 });
  });
});
