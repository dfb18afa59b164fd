import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { startAdminServer, type AdminServer } from '../../src/ops/admin-server.js';
import { ledgerDataSource, type RuntimeFacts } from '../../src/ops/ledger-data-source.js';
import { createOpsMetrics } from '../../src/ops/metrics.js';
import type { HumandDaySource } from '../../src/ops/views/humand-days.js';
import type { SqliteLedgerStore } from '../../src/store/index.js';
import { ManualClock } from '../support/manual-clock.js';
import { ledgerWith, ZONE, type FakePunch } from './helpers/ledger-fixture.js';

const NOW = DateTime.fromISO('2026-01-28T11:00:00', { zone: ZONE }).toMillis();
const nicolas = { id: 'p-nico', code: '30111222', name: 'Nicolás Pérez' };
const sofia = { id: 'p-sofi', code: '28999000', name: '=HYPERLINK("http://evil")' };
const ghost = { id: 'p-ghost', code: 'X1', name: 'Visitante Sin Legajo' };

const PUNCHES: FakePunch[] = [
  // Monday 26: a full day with a lunch break.
  { person: nicolas, local: '2026-01-26T08:00:00', outcome: 'delivered', entryType: 'START', door: 'Reloj Entrada' },
  { person: nicolas, local: '2026-01-26T12:00:00', outcome: 'delivered', entryType: 'END', door: 'Reloj Entrada' },
  { person: nicolas, local: '2026-01-26T12:30:00', outcome: 'delivered', entryType: 'START', door: 'Reloj Entrada' },
  { person: nicolas, local: '2026-01-26T17:15:00', outcome: 'delivered', entryType: 'END', door: 'Reloj Entrada' },
  { person: nicolas, local: '2026-01-26T10:00:00', outcome: 'ignored', door: 'Depósito', reason: 'ignored: not a time-clock door' },
  // Tuesday 27: clocked in, never out (an open day), and a dead punch.
  { person: nicolas, local: '2026-01-27T08:05:00', outcome: 'delivered', entryType: 'START', door: 'Reloj Entrada' },
  {
    person: nicolas,
    local: '2026-01-27T09:00:00',
    outcome: 'dead',
    entryType: 'END',
    door: 'Reloj Entrada',
    reason: 'dead: gave up after 8 attempts: Humand answered 500',
  },
  { person: sofia, local: '2026-01-27T09:00:00', outcome: 'delivered', entryType: 'START', door: 'RELOJ Salida' },
  { person: sofia, local: '2026-01-27T18:00:00', outcome: 'delivered', entryType: 'END', door: 'RELOJ Salida' },
  // Wednesday 28 (today): clocked in at 05:00, still at work at 11:00.
  { person: sofia, local: '2026-01-28T05:00:00', outcome: 'delivered', entryType: 'START', door: 'Reloj Entrada' },
  {
    person: ghost,
    local: '2026-01-27T09:30:00',
    outcome: 'unmapped',
    employeeId: null,
    door: 'Reloj Entrada',
    reason: 'unmapped: no Humand user has employeeInternalId X1',
  },
];

describe('attendance view and exports', () => {
  let store: SqliteLedgerStore;
  let server: AdminServer;
  const runtime: RuntimeFacts = {
    startedMs: NOW - 3_600_000,
    delivery: { state: 'running', reason: null, hint: null, sinceMs: null },
    rateLimit: null,
    assumedRateLimit: { limit: 50, windowSeconds: 60 },
    poll: { enabled: true, lastAttemptMs: NOW, lastSuccessMs: NOW, lastError: null, cursorMs: NOW },
    lastPushMs: null,
    lastEventMs: null,
    recentErrors: [],
  };

  async function start(humandDays?: HumandDaySource) {
    const clock = new ManualClock(NOW);
    const data = ledgerDataSource({
      store,
      timezone: ZONE,
      clock,
      runtime: () => runtime,
      redrive: async () => 0,
      mappingCoverage: async () => {
        throw new Error('unused');
      },
      ...(humandDays ? { humandDays } : {}),
    });
    server = await startAdminServer({ port: 0, data, metrics: createOpsMetrics({ processMetrics: false }), logger: silentLogger(), clock });
  }

  async function get(path: string) {
    const response = await request(`${server.url}${path}`);
    const body = Buffer.from(await response.body.arrayBuffer());
    return { status: response.statusCode, headers: response.headers, body, json: () => JSON.parse(body.toString('utf8')) };
  }

  beforeEach(async () => {
    ({ store } = await ledgerWith(PUNCHES, NOW - 60_000, [nicolas, sofia, ghost]));
    await store.replaceUsers(
      [
        {
          id: 1,
          employeeInternalId: nicolas.code,
          email: null,
          firstName: 'Nicolás',
          lastName: 'Pérez',
          status: 'ACTIVE',
          fields: { Departamento: 'Producción' },
        },
        {
          id: 2,
          employeeInternalId: sofia.code,
          email: null,
          firstName: '=HYPERLINK("http://evil")',
          lastName: '',
          status: 'ACTIVE',
          fields: { Departamento: 'Logística' },
        },
      ],
      NOW,
    );
  });
  afterEach(async () => {
    await server?.close();
    await store.close();
  });

  it('shows in/out pairs, hours and incidents per employee and day, time clocks only', async () => {
    await start();
    const view = (await get('/api/attendance?from=2026-01-26&to=2026-01-27')).json();
    expect(view.total).toBe(3);
    expect(view.dates).toEqual(['2026-01-26', '2026-01-27']);
    const nico = view.rows.find((r: { employeeId: string }) => r.employeeId === nicolas.code);
    expect(nico.name).toBe('Nicolás Pérez');
    expect(nico.department).toBe('Producción');
    const [monday, tuesday] = nico.days;
    expect(monday.pairs.map((p: { in: string; out: string }) => `${p.in}-${p.out}`)).toEqual(['08:00-12:00', '12:30-17:15']);
    expect(monday.minutes).toBe(240 + 285);
    // The access at the storeroom door is not a clock punch.
    expect(monday.punches).toBe(4);
    expect(tuesday.incidents.map((i: { kind: string }) => i.kind).sort()).toEqual(['dead', 'open-day']);
    expect(nico.minutes).toBe(525);
    const unmapped = view.rows.find((r: { personId: string }) => r.personId === ghost.id);
    expect(unmapped.employeeId).toBeNull();
    expect(unmapped.days[0].incidents).toEqual([{ kind: 'unmapped', punchIds: [expect.any(Number)] }]);
  });

  it('calls a clock-in without clock-out an open day only once no shift would still be running', async () => {
    await start();
    const today = (await get('/api/attendance?from=2026-01-28&to=2026-01-28')).json();
    expect(today.rows[0].days[0].pairs).toMatchObject([{ in: '05:00', out: null }]);
    expect(today.rows[0].days[0].incidents).toEqual([]);
  });

  it('finds people by name without accents or case, surname first, by code, and by department', async () => {
    await start();
    const names = async (query: string) =>
      (await get(`/api/attendance?from=2026-01-26&to=2026-01-27&${query}`)).json().rows.map((r: { name: string }) => r.name);
    expect(await names('employee=nicolas')).toEqual(['Nicolás Pérez']);
    expect(await names('employee=PEREZ%20nico')).toEqual(['Nicolás Pérez']);
    expect(await names('employee=28999000')).toEqual(['=HYPERLINK("http://evil")']);
    expect(await names('employee=sin%20legajo')).toEqual(['Visitante Sin Legajo']);
    expect(await names('department=logistica')).toEqual(['=HYPERLINK("http://evil")']);
    expect(await names('door=reloj%20salida')).toEqual(['=HYPERLINK("http://evil")']);
  });

  it('pages employees with the true total', async () => {
    await start();
    const first = (await get('/api/attendance?from=2026-01-26&to=2026-01-27&limit=2')).json();
    const second = (await get('/api/attendance?from=2026-01-26&to=2026-01-27&limit=2&offset=2')).json();
    expect([first.total, first.rows.length, second.rows.length]).toEqual([3, 2, 1]);
    const all = [...first.rows, ...second.rows].map((r: { name: string }) => r.name);
    expect(new Set(all).size).toBe(3);
  });

  it('refuses a range it would not show whole', async () => {
    await start();
    expect((await get('/api/attendance?from=2026-01-01&to=2026-04-01')).status).toBe(400);
    expect((await get('/api/attendance?from=2026-01-27&to=2026-01-26')).status).toBe(400);
    expect((await get('/api/attendance?from=2026-02-30&to=2026-03-01')).status).toBe(400);
  });

  it('exports CSV in Spanish (semicolons, decimal comma, dd/mm/aaaa) with formulas neutralised', async () => {
    await start();
    const response = await get('/api/export/attendance?from=2026-01-26&to=2026-01-27&format=csv&lang=es');
    expect(response.headers['content-disposition']).toContain('asistencia-2026-01-26-2026-01-27.csv');
    const lines = response.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Empleado;Código;Legajo;Persona en HikCentral;Departamento;Fecha;Entrada / salida;Horas;Horas (h:mm);Incidencias;Humand');
    expect(lines).toContain('Nicolás Pérez;30111222;30111222;;Producción;26/01/2026;"08:00–12:00; 12:30–17:15";8,75;8:45;;');
    expect(lines).toContain('Nicolás Pérez;30111222;30111222;;Producción;27/01/2026;08:05–?;0,00;0:00;"jornada abierta (sin salida); fallida";');
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
  });

  it('exports Excel whose cells hold real dates and numbers, headers in English', async () => {
    await start();
    const response = await get('/api/export/attendance?from=2026-01-26&to=2026-01-27&format=xlsx&lang=en');
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Attendance')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Employee',
      'Code',
      'Employee id',
      'HikCentral person',
      'Department',
      'Date',
      'In / out',
      'Hours',
      'Hours (h:mm)',
      'Incidents',
      'Humand',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const monday = rows.find((r) => r[1] === 'Nicolás Pérez' && (r[6] as Date).toISOString().startsWith('2026-01-26'))!;
    expect(monday[8]).toBe(8.75);
    const tuesday = rows.find((r) => r[1] === 'Nicolás Pérez' && (r[6] as Date).toISOString().startsWith('2026-01-27'))!;
    expect(tuesday[10]).toBe('open day (no clock-out); undeliverable');
    expect(rows.find((r) => String(r[1]).includes('HYPERLINK'))![1]).toBe(`'=HYPERLINK("http://evil")`);
    expect(sheet.getCell('F2').numFmt).toBe('yyyy-mm-dd');
  });

  it('exports the punch list with Spanish reasons and refuses nothing silently', async () => {
    await start();
    const response = await get('/api/export/punches?date=2026-01-27&format=xlsx&lang=es');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Fichadas')!;
    expect(sheet.rowCount).toBe(1 + 5);
    const reasons = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => r[12]).filter(Boolean);
    expect(reasons).toContain('fallida: se abandonó tras 8 intentos: Humand respondió 500');
    expect(reasons).toContain('sin vincular: ningún usuario de Humand tiene employeeInternalId X1');
  });

  it('pages the punch explorer with real totals, time clocks only and doors in any case', async () => {
    await start();
    const page = (await get('/api/punches?from=2026-01-26&to=2026-01-27&limit=3')).json();
    expect([page.total, page.punches.length]).toEqual([10, 3]);
    expect((await get('/api/punches?from=2026-01-26&to=2026-01-27&timeClocksOnly=1')).json().total).toBe(9);
    expect((await get('/api/punches?door=reloj%20salida')).json().total).toBe(2);
    expect((await get('/api/punches?employee=nicolas')).json().total).toBe(7);
    expect((await get('/api/punches?employee=p%C3%A9rez%20NICOL%C3%81S&timeClocksOnly=1')).json().total).toBe(6);
  });

  it('says how many problems there are beyond the newest 200 each list shows', async () => {
    await store.close();
    const taps: FakePunch[] = Array.from({ length: 203 }, (_, i) => ({
      person: nicolas,
      local: `2026-01-27T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      outcome: 'debounced' as const,
      reason: 'debounced: double tap 1s from p-1',
    }));
    ({ store } = await ledgerWith([...PUNCHES, ...taps], NOW - 60_000, [nicolas, sofia, ghost]));
    await start();
    expect((await get('/api/problems')).json().debounced).toHaveLength(200);
    expect((await get('/api/problems/totals')).json()).toEqual({ dead: 1, rejected: 0, held: 0, suppressed: 0, debounced: 203 });
  });

  it('counts clock punches per hour of the day', async () => {
    await start();
    const hourly = (await get('/api/hourly?date=2026-01-27')).json();
    expect(hourly.total).toBe(5);
    expect(hourly.hours[9]).toBe(3);
    expect(hourly.hours[8]).toBe(1);
  });

  it('says Humand is not configured when asked to compare without a Humand key', async () => {
    await start();
    const view = (await get('/api/attendance?from=2026-01-26&to=2026-01-27&humand=1')).json();
    expect(view.humand).toEqual({ state: 'unavailable', reason: 'Humand is not configured (HUMAND_AUTH)' });
  });

  it("says when Humand's days were not read, and why", async () => {
    await start({ days: async () => ({ state: 'unavailable', reason: 'rate budget kept for deliveries: try again in a minute' }) });
    const view = (await get('/api/attendance?from=2026-01-26&to=2026-01-27&humand=1&employee=nicolas')).json();
    expect(view.humand).toEqual({ state: 'unavailable', reason: 'rate budget kept for deliveries: try again in a minute' });
    expect(view.rows[0].days[0].humand).toEqual({ state: 'unknown', reason: 'rate budget kept for deliveries: try again in a minute' });
  });

  it('puts what Humand has beside what was sent', async () => {
    const asked: string[][] = [];
    await start({
      async days(employeeIds, from, to) {
        asked.push([...employeeIds, from, to]);
        const entries = [
          {
            id: 1,
            employeeInternalId: nicolas.code,
            time: '2026-01-26T08:00:00-03:00',
            date: '2026-01-26',
            type: 'START' as const,
            source: 'API',
            comment: null,
          },
          {
            id: 2,
            employeeInternalId: nicolas.code,
            time: '2026-01-26T12:00:00-03:00',
            date: '2026-01-26',
            type: 'END' as const,
            source: 'API',
            comment: null,
          },
          {
            id: 3,
            employeeInternalId: nicolas.code,
            time: '2026-01-26T12:31:00-03:00',
            date: '2026-01-26',
            type: 'START' as const,
            source: 'APP',
            comment: null,
          },
          {
            id: 4,
            employeeInternalId: nicolas.code,
            time: '2026-01-26T17:15:00-03:00',
            date: '2026-01-26',
            type: 'END' as const,
            source: 'API',
            comment: null,
          },
        ];
        const tuesday = [
          {
            id: 5,
            employeeInternalId: nicolas.code,
            time: '2026-01-27T08:05:00-03:00',
            date: '2026-01-27',
            type: 'START' as const,
            source: 'API',
            comment: null,
          },
          // Clocked out in the Humand app (our clock-out of 09:00 is dead).
          {
            id: 6,
            employeeInternalId: nicolas.code,
            time: '2026-01-27T09:00:40-03:00',
            date: '2026-01-27',
            type: 'END' as const,
            source: 'APP',
            comment: null,
          },
        ];
        return {
          state: 'read',
          days: new Map([
            [`${nicolas.code}|2026-01-26`, { entries, readMs: NOW }],
            [`${nicolas.code}|2026-01-27`, { entries: tuesday, readMs: NOW }],
          ]),
        };
      },
    });
    const view = (await get('/api/attendance?from=2026-01-26&to=2026-01-27&humand=1&employee=nicolas')).json();
    // The day after the range too: a night shift's clock-out is filed under it in Humand.
    expect(asked).toEqual([[nicolas.code, '2026-01-26', '2026-01-28']]);
    const [monday, tuesday] = view.rows[0].days;
    expect(monday.humand).toEqual({ state: 'differs', onlyHumand: ['→12:31'], onlyOurs: ['→12:30'] });
    expect(tuesday.humand).toEqual({ state: 'differs', onlyHumand: ['←09:00'], onlyOurs: [] });
  });
});
