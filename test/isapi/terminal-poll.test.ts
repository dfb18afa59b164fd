import { describe, expect, it } from 'vitest';
import { request as urllibRequest } from 'urllib';
import type { IsapiTerminalSimulator } from '../../src/sim/isapi/index.js';
import { memoryLogger } from '../e2e/harness.js';
import { formatStatus } from '../../src/cli/format/status.js';
import { cleanups, face, MINUTE, site, START } from './site.js';
import { clientFor, deviceConfig, TERMINAL_PASSWORD, TERMINAL_USER } from './support.js';
import { syncAttention } from '../../src/cli/format/sync-attention.js';

const searches = (terminal: IsapiTerminalSimulator) =>
  terminal.state.requests.filter((r) => r.path === '/ISAPI/AccessControl/AcsEvent' && r.status === 200).length;

describe('reading a terminal over ISAPI', () => {
  it('pages by searchResultPosition within the page size the capabilities allow (30), and again on firmware that allows 10', async () => {
    const events = Array.from({ length: 75 }, (_, i) => face(i % 2 === 0 ? '1001' : '1002', i * 2, i % 2 === 0 ? 'checkIn' : 'checkOut'));
    const { clock, terminal, app } = await site({ events });
    clock.jumpTo(START + 3 * 60 * MINUTE);
    const summary = await app.syncOnce({ deliverForMs: 0 });
    expect(summary.pollError).toBeNull();
    expect(summary.poll?.events).toBe(75);
    expect(searches(terminal)).toBe(3); // 30 + 30 + 15
    const small = await site({ events, terminal: { maxResults: 10 } });
    small.clock.jumpTo(START + 3 * 60 * MINUTE);
    expect((await small.app.syncOnce({ deliverForMs: 0 })).poll?.events).toBe(75);
    expect(searches(small.terminal)).toBe(8);
    // A second pass re-reads only the overlap, and checks the buffer once (one result).
    small.clock.jumpTo(START + 3 * 60 * MINUTE + 5 * MINUTE);
    const again = await small.app.syncOnce({ deliverForMs: 0 });
    expect(again.poll?.fresh).toBe(0);
    expect(searches(small.terminal)).toBe(8 + 1 + 1);
  });

  it('answers the search quirks like the firmware: 400 without major, NO MATCH when empty, maxResults cut to the capability', async () => {
    const { clock, terminal } = await site({ events: [face('1001', 1)] });
    clock.jumpTo(START + 10 * MINUTE);
    const client = clientFor(deviceConfig('lobby', terminal.url), clock);
    cleanups.push(() => client.close());
    await expect(
      client.call('POST', '/ISAPI/AccessControl/AcsEvent?format=json', { AcsEventCond: { searchID: 'x', searchResultPosition: 0, maxResults: 30 } }),
    ).rejects.toThrow(/HTTP 400/);
    const empty = JSON.parse(
      await client.call('POST', '/ISAPI/AccessControl/AcsEvent?format=json', {
        AcsEventCond: {
          searchID: 'y',
          searchResultPosition: 0,
          maxResults: 30,
          major: 5,
          minor: 0,
          startTime: '2026-01-26T00:00:00-03:00',
          endTime: '2026-01-26T23:59:59-03:00',
        },
      }),
    ) as { AcsEvent: { responseStatusStrg: string } };
    expect(empty.AcsEvent.responseStatusStrg).toBe('NO MATCH');
    const big = JSON.parse(
      await client.call('POST', '/ISAPI/AccessControl/AcsEvent?format=json', {
        AcsEventCond: {
          searchID: 'z',
          searchResultPosition: 0,
          maxResults: 500,
          major: 5,
          minor: 0,
          startTime: '2026-01-27T00:00:00-03:00',
          endTime: '2026-01-27T23:59:59-03:00',
        },
      }),
    ) as { AcsEvent: { responseStatusStrg: string; InfoList: { serialNo: number; time: string; employeeNoString: string }[] } };
    expect(big.AcsEvent.responseStatusStrg).toBe('OK');
    expect(big.AcsEvent.InfoList[0]).toMatchObject({ serialNo: 1, time: '2026-01-27T08:01:00-03:00', employeeNoString: '1001' });
    expect(await client.maxResults()).toBe(30);
  });

  it('takes in/out from attendanceStatus in attendanceStatus mode (checkIn, breakOut, breakIn, checkOut)', async () => {
    const events = [
      face('1001', 0, 'checkIn'),
      face('1001', 120, 'breakOut'),
      face('1001', 150, 'breakIn'),
      face('1001', 480, 'checkOut'),
      face('1002', 5, 'checkIn', 0x4c),
    ];
    const { clock, humand, app } = await site({
      events,
      device: { readers: [{ cardReaderNo: 1, mode: 'attendanceStatus', direction: null, debounceMs: null, label: null }] },
    });
    clock.jumpTo(START + 9 * 60 * MINUTE);
    const summary = await app.syncOnce();
    expect(syncAttention(summary)).toEqual([]);
    expect(humand.state.timeline('1001').map((e) => `${e.type} ${new Date(e.instantMs).toISOString()}`)).toEqual([
      'START 2026-01-27T11:00:00.000Z',
      'END 2026-01-27T13:00:00.000Z',
      'START 2026-01-27T13:30:00.000Z',
      'END 2026-01-27T19:00:00.000Z',
    ]);
    // A refused face (minor 76) is recorded and named, never sent.
    expect(humand.state.timeline('1002')).toEqual([]);
    const refused = await app.punches({ personId: 'isapi:1002' });
    expect(refused.map((p) => p.reason)).toEqual(['ignored: refused access']);
  });

  it('after refused credentials waits, doubling, so that the terminal never locks the user — where a client that retries every pass locks it', async () => {
    const { clock, terminal, app } = await site({ events: [face('1001', 1)], device: { password: 'an-old-password' } });
    let refusedPasses = 0;
    for (let minute = 1; minute <= 240; minute++) {
      clock.jumpTo(START + minute * MINUTE);
      const summary = await app.syncOnce({ deliverForMs: 0 });
      if (summary.pollError !== null) {
        expect(summary.pollError).toMatch(/terminal lobby (refused the user and password|has locked)/);
        refusedPasses++;
      }
    }
    expect(refusedPasses).toBe(240);
    expect(terminal.state.lockouts).toBe(0);
    expect((await app.status()).terminals?.[0]?.lastError).toMatch(/refused the user and password/);
    // Tried at minute 1, 11, 31, 71, 151: five logins in four hours, never five inside the lockout window.
    const logins = terminal.state.requests.filter((r) => r.path === '/ISAPI/System/time').length;
    expect(logins).toBe(2 * 5); // each try: a challenge, then the refused answer
    // The same terminal does lock a client that keeps trying.
    for (let i = 0; i < 5; i++) await urllibRequest(`${terminal.url}/ISAPI/System/deviceInfo`, { digestAuth: `${TERMINAL_USER}:wrong`, dataType: 'text' });
    expect(terminal.state.lockouts).toBe(1);
    const locked = await urllibRequest(`${terminal.url}/ISAPI/System/deviceInfo`, { digestAuth: `${TERMINAL_USER}:${TERMINAL_PASSWORD}`, dataType: 'text' });
    expect(locked.status).toBe(401);
    expect(String(locked.data)).toContain('<lockStatus>lock</lockStatus>');
  });

  it('warns when the terminal buffer wrapped past our cursor: the overwritten serial numbers are named', async () => {
    const { logger, lines } = memoryLogger('warn');
    const events = Array.from({ length: 40 }, (_, i) => face(i % 2 === 0 ? '1001' : '1002', i * 10));
    const { clock, app } = await site({ events, terminal: { capacity: 20 }, logger });
    clock.jumpTo(START + 95 * MINUTE); // events 1–10 have happened
    expect((await app.syncOnce({ deliverForMs: 0 })).poll?.events).toBe(10);
    clock.jumpTo(START + 400 * MINUTE); // 30 more: the buffer keeps 21–40
    expect((await app.syncOnce({ deliverForMs: 0 })).poll?.events).toBe(20);
    const warning = lines().find((l) => typeof l.msg === 'string' && l.msg.includes('wrapped past our cursor'));
    expect(warning).toMatchObject({ device: 'lobby', lastReadSerial: 10, oldestOnDevice: 21, lost: 10 });
    expect(String(warning?.msg)).toContain('events 11–20 were overwritten');
    // `status` keeps showing it (from the ledger), with the terminal's cursor and clock.
    const status = await app.status();
    expect(status.terminals).toEqual([
      expect.objectContaining({
        device: 'lobby',
        lastError: null,
        driftMs: expect.any(Number) as unknown,
        lastLoss: expect.objectContaining({ fromSerial: 11, toSerial: 20 }) as unknown,
      }),
    ]);
    const shown = formatStatus(status, clock.now(), 'ledger.db').join('\n');
    expect(shown).toMatch(/Terminal lobby +read to /);
    expect(shown).toMatch(/events lost +serials 11–20 were overwritten before they were read/);
  });
});
