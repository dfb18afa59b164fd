import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIM_CODES, startHikCentralSimulator, type HikSimulator, type SimEventInput } from '../../src/sim/hikcentral/index.js';
import type { SimPerson } from '../../src/sim/scenario/index.js';
import { callArtemis } from './support/artemis-call.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';

const APP_KEY = '13572468';
const APP_SECRET = 'door-events-secret-1';
const EVENTS = '/artemis/api/acs/v1/door/events';
const creds = { appKey: APP_KEY, appSecret: APP_SECRET };
const at = (iso: string) => Date.parse(iso);
const DAY_START = '2026-01-27T00:00:00-03:00';
const DAY_END = '2026-01-28T00:00:00-03:00';

const ana: SimPerson = {
  personId: '501',
  personCode: '20417',
  personGivenName: 'Ana',
  personFamilyName: 'Gómez',
  orgIndexCode: '1',
  phoneNo: '',
  email: 'ana.gomez@example.com',
  cardNos: ['3000123456'],
  customFields: { Legajo: '20417' },
};
const beto: SimPerson = { ...ana, personId: '502', personCode: '20422', personGivenName: 'Beto', personFamilyName: 'Luna', cardNos: [], customFields: {} };

const doors = Array.from({ length: 12 }, (_, i) => ({
  doorIndexCode: String(i + 1),
  doorName: i === 0 ? 'Molinete Reloj Entrada' : `Puerta ${i + 1}`,
  readers: [{ readerIndexCode: `${i + 1}01`, readerName: i === 0 ? 'Facial Entrada' : `Lector ${i + 1}` }],
}));

describe('HikCentral simulator: door/events over HTTPS', () => {
  let sim: HikSimulator;
  let target: { baseUrl: string; caPem: string };
  const clock = new AutoAdvanceClock(at('2026-01-27T12:00:00-03:00'));
  const query = (body: Record<string, unknown>) =>
    callArtemis(target, EVENTS, { startTime: DAY_START, endTime: DAY_END, pageNo: 1, pageSize: 500, ...body }, creds);
  type Page = { total: number; pageNo: number; pageSize: number; list: Array<Record<string, unknown>> };
  const page = async (body: Record<string, unknown>): Promise<Page> => {
    const answer = (await query(body)).json();
    expect(answer.code).toBe('0');
    return answer.data as Page;
  };

  beforeAll(async () => {
    sim = await startHikCentralSimulator({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      clock,
      scenario: { site: { timezone: 'America/Argentina/Buenos_Aires' }, persons: [ana, beto], doors, events: [] },
    });
    target = { baseUrl: sim.httpsUrl, caPem: sim.caPem };
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    clock.set(at('2026-01-27T12:00:00-03:00'));
    sim.state.loadScenario({ site: { timezone: 'America/Argentina/Buenos_Aires' }, persons: [ana, beto], doors, events: [] });
  });

  it('pages 1,234 events as 500 + 500 + 234, every event exactly once', async () => {
    const base = at('2026-01-27T06:00:00-03:00');
    sim.state.addEvents(
      Array.from({ length: 1234 }, (_, i): SimEventInput => ({
        eventId: `ev-${i}`,
        eventType: 196893,
        eventTime: base + i * 10_000,
        personId: '501',
        doorIndexCode: '1',
        readerIndexCode: '101',
      })),
    );
    const pages = [await page({ pageNo: 1 }), await page({ pageNo: 2 }), await page({ pageNo: 3 }), await page({ pageNo: 4 })];
    expect(pages.map((p) => p.list.length)).toEqual([500, 500, 234, 0]);
    expect(pages.every((p) => p.total === 1234 && p.pageSize === 500)).toBe(true);
    const ids = pages.flatMap((p) => p.list.map((record) => record.eventId));
    expect(new Set(ids).size).toBe(1234);
  });

  it("writes a reader's times in the zone its device is set to (UTC → Z, UTC+1 → +01:00), the same instant", async () => {
    sim.state.loadScenario({
      site: { timezone: 'America/Argentina/Buenos_Aires', readerTimeZones: { '101': 'UTC', '201': 'UTC+1' } },
      persons: [ana, beto],
      doors,
      events: [],
    });
    const when = at('2026-01-27T22:00:00-03:00');
    sim.state.addEvents([
      { eventId: 'utc', eventType: 196893, eventTime: when, personId: '501', doorIndexCode: '1', readerIndexCode: '101' },
      { eventId: 'plus1', eventType: 196893, eventTime: when + 1000, personId: '501', doorIndexCode: '2', readerIndexCode: '201' },
      { eventId: 'site', eventType: 196893, eventTime: when + 2000, personId: '501', doorIndexCode: '3', readerIndexCode: '301' },
    ]);
    clock.set(when + 60_000);
    const times = Object.fromEntries(
      (await page({ startTime: DAY_START, endTime: '2026-01-28T12:00:00-03:00', orderType: 0 })).list.map((r) => [r.eventId, r.eventTime]),
    );
    expect(times).toEqual({ utc: '2026-01-28T01:00:00Z', plus1: '2026-01-28T02:00:01+01:00', site: '2026-01-27T22:00:02-03:00' });
  });

  it('enforces pageNo ≥ 1 and pageSize 1–500, and requires both', async () => {
    expect((await query({ pageSize: 0 })).json().code).toBe(SIM_CODES.parameterInvalid);
    expect((await query({ pageSize: 501 })).json().code).toBe(SIM_CODES.parameterInvalid);
    expect((await query({ pageNo: 0 })).json().code).toBe(SIM_CODES.parameterInvalid);
    expect((await query({ pageSize: 500 })).json().code).toBe('0');
    const missing = await callArtemis(target, EVENTS, { startTime: DAY_START, endTime: DAY_END, pageNo: 1 }, creds);
    expect(missing.json().code).toBe(SIM_CODES.parameterMissing);
    const noStart = await callArtemis(target, EVENTS, { endTime: DAY_END, pageNo: 1, pageSize: 10 }, creds);
    expect(noStart.json()).toMatchObject({ code: SIM_CODES.parameterMissing, msg: expect.stringContaining('startTime') });
  });

  it('allows at most 31 days between startTime and endTime, and endTime after startTime', async () => {
    expect((await query({ startTime: '2026-01-01T00:00:00-03:00', endTime: '2026-02-01T00:00:00-03:00' })).json().code).toBe('0');
    expect((await query({ startTime: '2026-01-01T00:00:00-03:00', endTime: '2026-02-01T00:00:01-03:00' })).json().code).toBe(SIM_CODES.parameterInvalid);
    expect((await query({ startTime: DAY_END, endTime: DAY_START })).json().code).toBe(SIM_CODES.parameterInvalid);
    expect((await query({ startTime: '2026-01-27T00:00:00' })).json().code).toBe(SIM_CODES.parameterInvalid);
  });

  it('allows at most 10 doorIndexCodes per request', async () => {
    const codes = doors.map((door) => door.doorIndexCode);
    expect((await query({ doorIndexCodes: codes.slice(0, 10) })).json().code).toBe('0');
    expect((await query({ doorIndexCodes: codes.slice(0, 11) })).json().code).toBe(SIM_CODES.parameterInvalid);
  });

  it('orders descending by default and ascending with orderType 0; filters [startTime, endTime) on eventTime', async () => {
    sim.state.addEvents([
      { eventId: 'a', eventType: 196893, eventTime: at('2026-01-27T08:00:00-03:00'), personId: '501', doorIndexCode: '1', readerIndexCode: '101' },
      { eventId: 'b', eventType: 196893, eventTime: at('2026-01-27T09:00:00-03:00'), personId: '501', doorIndexCode: '1', readerIndexCode: '101' },
      { eventId: 'c', eventType: 196893, eventTime: at('2026-01-27T10:00:00-03:00'), personId: '501', doorIndexCode: '1', readerIndexCode: '101' },
    ]);
    expect((await page({})).list.map((r) => r.eventId)).toEqual(['c', 'b', 'a']);
    expect((await page({ sortField: 'SwipeTime', orderType: 1 })).list.map((r) => r.eventId)).toEqual(['c', 'b', 'a']);
    expect((await page({ sortField: 'SwipeTime', orderType: 0 })).list.map((r) => r.eventId)).toEqual(['a', 'b', 'c']);
    const window = await page({ startTime: '2026-01-27T08:00:00-03:00', endTime: '2026-01-27T10:00:00-03:00', orderType: 0 });
    expect(window.list.map((r) => r.eventId)).toEqual(['a', 'b']);
    // The same instant written with another offset selects the same events.
    const utc = await page({ startTime: '2026-01-27T11:00:00Z', endTime: '2026-01-27T13:00:00Z', orderType: 0 });
    expect(utc.list.map((r) => r.eventId)).toEqual(['a', 'b']);
  });

  it('filters by doors, by eventType and by personName', async () => {
    sim.state.addEvents([
      { eventId: 'ana-face', eventType: 196893, eventTime: at('2026-01-27T08:00:00-03:00'), personId: '501', doorIndexCode: '1', readerIndexCode: '101' },
      { eventId: 'beto-face', eventType: 196893, eventTime: at('2026-01-27T08:01:00-03:00'), personId: '502', doorIndexCode: '2', readerIndexCode: '201' },
      { eventId: 'ana-refused', eventType: 197151, eventTime: at('2026-01-27T08:02:00-03:00'), personId: '501', doorIndexCode: '2', readerIndexCode: '201' },
      { eventId: 'door-open', eventType: 198913, eventTime: at('2026-01-27T08:03:00-03:00'), doorIndexCode: '3' },
    ]);
    const ids = async (body: Record<string, unknown>) => (await page({ ...body, orderType: 0 })).list.map((r) => r.eventId);
    expect(await ids({ doorIndexCodes: ['2'] })).toEqual(['beto-face', 'ana-refused']);
    expect(await ids({ eventType: 196893 })).toEqual(['ana-face', 'beto-face']);
    expect(await ids({ personName: 'gómez' })).toEqual(['ana-face', 'ana-refused']);
    expect(await ids({ eventType: 196893, doorIndexCodes: ['1', '3'] })).toEqual(['ana-face']);
  });

  it('returns records with exactly the reference fields, times in the site offset, empty strings for absent values', async () => {
    sim.state.addEvents([
      {
        eventId: 'ana',
        eventType: 196893,
        eventTime: at('2026-01-27T08:00:00-03:00'),
        arrivalTime: at('2026-01-27T08:00:07-03:00'),
        personId: '501',
        doorIndexCode: '1',
        readerIndexCode: '101',
        checkInAndOutType: 1,
        cardNo: '3000123456',
        picUri: '/pic?x',
      },
      {
        eventId: 'beto',
        eventType: 196893,
        eventTime: at('2026-01-27T08:05:00-03:00'),
        personId: '502',
        doorIndexCode: '1',
        readerIndexCode: '101',
        checkInAndOutType: 1,
      },
      { eventId: 'door', eventType: 198913, eventTime: at('2026-01-27T08:06:00-03:00'), doorIndexCode: '1' },
    ]);
    const records = (await page({ orderType: 0 })).list;
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(
      [
        'eventId',
        'eventType',
        'eventTime',
        'deviceTime',
        'personId',
        'personName',
        'doorName',
        'doorIndexCode',
        'cardNo',
        'checkInAndOutType',
        'readerIndexCode',
        'readerName',
        'picUri',
        'receiveTime',
      ].sort(),
    );
    expect(records[0]).toEqual({
      eventId: 'ana',
      eventType: 196893,
      eventTime: '2026-01-27T08:00:00-03:00',
      deviceTime: '2026-01-27T08:00:00-03:00',
      personId: '501',
      personName: 'Ana Gómez',
      doorName: 'Molinete Reloj Entrada',
      doorIndexCode: '1',
      cardNo: '3000123456',
      checkInAndOutType: 1,
      readerIndexCode: '101',
      readerName: 'Facial Entrada',
      picUri: '/pic?x',
      receiveTime: '2026-01-27T08:00:07-03:00',
    });
    expect(records[1]).toMatchObject({ personId: '502', personName: 'Beto Luna', cardNo: '' });
    expect(records[2]).toMatchObject({ eventType: 198913, personId: '', personName: '', readerIndexCode: '', readerName: '' });
  });

  it('keeps a late-uploaded event invisible until its arrival time on the sim clock', async () => {
    sim.state.addEvents([
      {
        eventId: 'late',
        eventType: 196893,
        eventTime: at('2026-01-27T11:00:00-03:00'),
        arrivalTime: at('2026-01-27T12:40:00-03:00'),
        personId: '501',
        doorIndexCode: '1',
        readerIndexCode: '101',
      },
      {
        eventId: 'on-time',
        eventType: 196893,
        eventTime: at('2026-01-27T11:30:00-03:00'),
        arrivalTime: at('2026-01-27T11:30:05-03:00'),
        personId: '502',
        doorIndexCode: '1',
        readerIndexCode: '101',
      },
    ]);
    expect((await page({})).list.map((r) => r.eventId)).toEqual(['on-time']);
    clock.set(at('2026-01-27T12:39:59-03:00'));
    expect((await page({})).total).toBe(1);
    clock.set(at('2026-01-27T12:40:00-03:00'));
    const after = await page({ orderType: 0 });
    expect(after.list.map((r) => r.eventId)).toEqual(['late', 'on-time']);
    expect(after.list[0]?.receiveTime).toBe('2026-01-27T12:40:00-03:00');
  });

  it('requireEventTypeOrPersonName: neither → 0x00072001; either → "0"', async () => {
    const strict = await startHikCentralSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, clock, requireEventTypeOrPersonName: true });
    try {
      const t = { baseUrl: strict.httpsUrl, caPem: strict.caPem };
      const body = { startTime: DAY_START, endTime: DAY_END, pageNo: 1, pageSize: 10 };
      expect((await callArtemis(t, EVENTS, body, creds)).json().code).toBe(SIM_CODES.parameterMissing);
      expect((await callArtemis(t, EVENTS, { ...body, eventType: 196893 }, creds)).json().code).toBe('0');
      expect((await callArtemis(t, EVENTS, { ...body, personName: 'Ana' }, creds)).json().code).toBe('0');
    } finally {
      await strict.close();
    }
  });
});
