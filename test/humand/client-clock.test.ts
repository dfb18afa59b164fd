import { afterEach, describe, expect, it } from 'vitest';
import { formatHumandTime } from '../../src/humand/index.js';
import { startHarness, OFFSET, type Harness } from './support/fixtures.js';

const EMPLOYEE = '30000001';
const MINUTE = 60_000;

describe('HumandClient.clock against the simulator', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const at = (h: Harness, minutesAgo: number) => formatHumandTime(h.clock.now() - minutesAgo * MINUTE, OFFSET);

  it('creates a START and an END and returns them as domain entries with the rate-limit state', async () => {
    const h = (harness = await startHarness());
    const startTime = at(h, 240);
    const start = await h.client.clock('START', { employeeId: EMPLOYEE, now: startTime, comment: 'Puerta principal' });
    expect(start).toMatchObject({
      ok: true,
      status: 201,
      value: { employeeInternalId: EMPLOYEE, time: startTime, date: '2026-01-27', type: 'START', comment: 'Puerta principal' },
    });
    expect(start.rateLimit).toMatchObject({ limit: 50, remaining: 49, windowSeconds: 60 });

    const end = await h.client.clock('END', { employeeId: EMPLOYEE, now: at(h, 10), comment: 'Puerta principal' });
    expect(end.ok && end.value.type).toBe('END');

    const timeline = h.sim.state.timeline(EMPLOYEE);
    expect(timeline.map((entry) => [entry.type, entry.time, entry.source])).toEqual([
      ['START', startTime, 'INTEGRATION'],
      ['END', at(h, 10), 'INTEGRATION'],
    ]);
    // What went over the wire: the key exactly as configured, the documented body.
    expect(h.sim.state.requests[0]).toMatchObject({
      method: 'POST',
      path: '/public/api/v1/time-tracking/entries/clockIn',
      body: { employeeId: EMPLOYEE, now: startTime, comment: 'Puerta principal' },
      status: 201,
    });
  });

  it('keeps the offset exactly as sent and files the entry under the local day', async () => {
    const h = (harness = await startHarness());
    // 22:30 at -03:00 is already the 28th in UTC; Humand's day is the 27th.
    const lateEvening = formatHumandTime(Date.parse('2026-01-27T01:30:00.000Z'), OFFSET);
    expect(lateEvening).toBe('2026-01-26T22:30:00.000-03:00');
    const result = await h.client.clock('START', { employeeId: EMPLOYEE, now: lateEvening, comment: 'x' });
    expect(result.ok && result.value.date).toBe('2026-01-26');
    expect(h.sim.state.timeline(EMPLOYEE)[0]?.time).toBe(lateEvening);
  });

  describe.each([400, 422] as const)('business-rule rejections answered with %i', (rejectionStatus) => {
    it('classifies alternation, END without START, future, unknown and inactive employees as rejected-by-rule', async () => {
      const h = (harness = await startHarness({ rejectionStatus }));
      h.sim.state.deactivateUser('30000002');

      const endFirst = await h.client.clock('END', { employeeId: EMPLOYEE, now: at(h, 300), comment: '' });
      expect(endFirst).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule', status: rejectionStatus } });

      expect((await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 240), comment: '' })).ok).toBe(true);
      const twice = await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 200), comment: '' });
      expect(twice).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule', status: rejectionStatus, code: 'INVALID_DATA' } });
      // Humand's own message is kept for the person reading the rejection.
      expect(twice.ok || twice.failure.message).toMatch(/consecutive START/);

      const future = await h.client.clock('END', { employeeId: EMPLOYEE, now: formatHumandTime(h.clock.now() + 10 * MINUTE, OFFSET), comment: '' });
      expect(future).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule' } });

      const unknown = await h.client.clock('START', { employeeId: '99999999', now: at(h, 5), comment: '' });
      expect(unknown).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule' } });

      const inactive = await h.client.clock('START', { employeeId: '30000002', now: at(h, 5), comment: '' });
      expect(inactive).toMatchObject({ ok: false, failure: { kind: 'rejected-by-rule' } });

      // Rejections leave the timeline alone and still report the rate-limit state.
      expect(h.sim.state.timeline(EMPLOYEE).map((entry) => entry.type)).toEqual(['START']);
      expect(inactive.rateLimit?.remaining).toBe(50 - h.sim.state.requests.length);
    });
  });

  it('refuses to send a now without milliseconds and a numeric offset (nothing reaches Humand)', async () => {
    const h = (harness = await startHarness());
    for (const now of ['2026-01-27T08:12:45-03:00', '2026-01-27T11:12:45.123Z', '2026-01-27 08:12:45.123-03:00', '2026-02-30T08:12:45.123-03:00']) {
      const result = await h.client.clock('START', { employeeId: EMPLOYEE, now, comment: '' });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-request', status: 0, code: 'LOCAL_VALIDATION' }, rateLimit: null });
    }
    expect((await h.client.clock('START', { employeeId: '  ', now: at(h, 1), comment: '' })).ok).toBe(false);
    expect(h.sim.state.requests).toHaveLength(0);
  });

  it("reports a wrong key as unauthorised with Humand's code", async () => {
    const h = (harness = await startHarness({}, { auth: 'Basic not-the-right-key' }));
    const result = await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 1), comment: '' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'unauthorised', status: 401, code: 'UNKNOWN_TOKEN' } });
    expect(result.rateLimit?.limit).toBe(50);
    expect(h.sim.state.timeline(EMPLOYEE)).toHaveLength(0);
  });

  it('accepts the key with or without "Basic " and sends it as Basic <key>, not base64', async () => {
    const h = (harness = await startHarness({}, { auth: 'basic   sim-key-7f3a9c1e5b ' }));
    expect((await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 1), comment: '' })).ok).toBe(true);
  });

  it('reports a missing permission as forbidden with the production message, and delivers once it is fixed', async () => {
    const h = (harness = await startHarness());
    h.sim.state.setForbidden(true);
    const refused = await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 3), comment: '' });
    expect(refused).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', status: 403, code: 'ACCESS_DENIED', message: 'The provided user has no access to this resource' },
    });
    h.sim.state.setForbidden(false);
    expect((await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 3), comment: '' })).ok).toBe(true);
  });

  it.each([
    { wording: 'plain', twoStarts: 'Cannot register two consecutive START entries on the same day', lonelyEnd: 'Cannot clock out without an open clock in' },
    { wording: 'open-clock-in', twoStarts: 'The employee already has an open clock-in for this day', lonelyEnd: 'The employee has no open clock-in to close' },
    {
      wording: 'spanish',
      twoStarts: 'El colaborador ya tiene una entrada abierta para este día',
      lonelyEnd: 'No se puede registrar una salida sin una entrada abierta',
    },
  ] as const)('every wording of a rule rejection ($wording) comes back as rejected-by-rule', async ({ wording, twoStarts, lonelyEnd }) => {
    const h = (harness = await startHarness({ rejectionWording: wording }));
    expect(await h.client.clock('END', { employeeId: EMPLOYEE, now: at(h, 300), comment: '' })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected-by-rule', status: 400, message: lonelyEnd },
    });
    expect((await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 240), comment: '' })).ok).toBe(true);
    expect(await h.client.clock('START', { employeeId: EMPLOYEE, now: at(h, 200), comment: '' })).toMatchObject({
      ok: false,
      failure: { kind: 'rejected-by-rule', status: 400, message: twoStarts },
    });
  });
});
