import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHikCentralSimulator, type HikSimulator } from '../../src/sim/hikcentral/index.js';
import { ACCESS_GRANTED_CODES, generateWorkingDay } from '../../src/sim/scenario/index.js';
import { callArtemis } from './support/artemis-call.js';
import { AutoAdvanceClock } from '../support/manual-clock.js';
import { startPushReceiver, type PushReceiver } from './support/push-receiver.js';

const creds = { appKey: '31415926', appSecret: 'generated-day-secret' };
const day = generateWorkingDay({ date: '2026-01-27', timezone: 'America/Argentina/Buenos_Aires', employees: 30, seed: 99 });
const iso = (ms: number) => new Date(ms).toISOString();

describe('a generated working day served by the simulator', () => {
  const clock = new AutoAdvanceClock(day.window.startMs);
  let sim: HikSimulator;
  let receiver: PushReceiver;

  beforeAll(async () => {
    receiver = await startPushReceiver();
    sim = await startHikCentralSimulator({ ...creds, clock, scenario: day.scenario, push: { maxBatch: 50 } });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  async function pollAll(): Promise<string[]> {
    const ids: string[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const answer = (
        await callArtemis(
          { baseUrl: sim.httpsUrl, caPem: sim.caPem },
          '/artemis/api/acs/v1/door/events',
          { startTime: iso(day.window.startMs), endTime: iso(day.window.endMs), pageNo, pageSize: 500, orderType: 0 },
          creds,
        )
      ).json();
      expect(answer.code).toBe('0');
      const list = (answer.data as { list: Array<{ eventId: string }> }).list;
      ids.push(...list.map((r) => r.eventId));
      if (list.length < 500) return ids;
    }
  }

  it('shows by poll exactly the events that have arrived, in ascending event time', async () => {
    const subscribe = await callArtemis(
      { baseUrl: sim.httpsUrl, caPem: sim.caPem },
      '/artemis/api/eventService/v1/eventSubscriptionByEventTypes',
      { eventTypes: [...ACCESS_GRANTED_CODES], eventDest: receiver.url, token: 't' },
      creds,
    );
    expect(subscribe.json().code).toBe('0');
    clock.set(Date.parse('2026-01-27T10:00:00-03:00'));
    const arrived = day.scenario.events.filter((e) => e.arrivalTime <= clock.now()).map((e) => e.eventId);
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.length).toBeLessThan(day.scenario.events.length);
    expect(await pollAll()).toEqual(arrived);
  });

  it('after the day, shows every event by poll and has pushed each access-granted event once', async () => {
    await sim.state.pumpPush();
    clock.set(day.window.endMs + 2 * 60 * 60_000);
    expect(await pollAll()).toEqual(day.scenario.events.map((e) => e.eventId));
    await sim.state.pumpPush();
    const pushed = receiver.received.flatMap((r) => (r.body as { params: { events: Array<{ eventId: string }> } }).params.events.map((e) => e.eventId));
    const granted = day.scenario.events.filter((e) => ACCESS_GRANTED_CODES.includes(e.eventType)).map((e) => e.eventId);
    expect(pushed.length).toBe(new Set(pushed).size);
    expect(new Set(pushed)).toEqual(new Set(granted));
  });
});
