import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/domain/errors.js';
import { generateWorkingDay, loadScenarioFile, saveScenarioFile, scenarioFromJson } from '../../src/sim/scenario/index.js';

describe('scenario files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hik-scenario-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a generated scenario through a JSON file unchanged, with readable ISO times', async () => {
    const { scenario } = generateWorkingDay({ date: '2026-01-27', timezone: 'America/Argentina/Buenos_Aires', employees: 20, seed: 3 });
    const path = join(dir, 'day.json');
    await saveScenarioFile(path, scenario);
    expect(await loadScenarioFile(path)).toEqual(scenario);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/"eventTime": "2026-01-2\dT\d\d:\d\d:\d\d\.000-03:00"/);
  });

  it('round-trips a day with issue #9 behaviours (readers writing UTC / UTC+1), and refuses a reader zone that is none', async () => {
    const scenario = generateWorkingDay({
      date: '2026-01-27',
      timezone: 'America/Argentina/Buenos_Aires',
      employees: 20,
      seed: 4,
      behaviours: { readerTimeZones: { '101': 'UTC+1', '201': 'UTC' } },
    }).scenario;
    const file = join(dir, 'zones.json');
    await saveScenarioFile(file, scenario);
    expect(await loadScenarioFile(file)).toEqual(scenario);
    expect(() => scenarioFromJson({ site: { timezone: 'America/Argentina/Buenos_Aires', readerTimeZones: { '101': 'Mars/Olympus' } } })).toThrow(
      /readerTimeZones/,
    );
  });

  it('accepts a hand-written file with defaults (arrival = event time, no card, epoch or ISO times)', () => {
    const scenario = scenarioFromJson({
      site: { timezone: 'America/Argentina/Buenos_Aires' },
      persons: [{ personId: '1', personCode: '100', personGivenName: 'Ana' }],
      doors: [{ doorIndexCode: 'D', doorName: 'Door', readers: [{ readerIndexCode: 'R', readerName: 'Reader' }] }],
      events: [
        { eventId: 'e1', eventType: 196893, eventTime: '2026-01-27T08:00:00-03:00', personId: '1', doorIndexCode: 'D', readerIndexCode: 'R' },
        { eventId: 'e2', eventType: 198913, eventTime: 1769511600000, doorIndexCode: 'D' },
      ],
    });
    expect(scenario.events[0]).toMatchObject({
      eventTime: Date.parse('2026-01-27T08:00:00-03:00'),
      arrivalTime: Date.parse('2026-01-27T08:00:00-03:00'),
      cardNo: null,
      checkInAndOutType: 0,
    });
    expect(scenario.persons[0]).toMatchObject({ cardNos: [], customFields: {}, personFamilyName: '' });
  });

  it('refuses a bad file with one error naming each problem and where it is', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(
      path,
      JSON.stringify({
        site: { timezone: 'Mars/Olympus' },
        persons: [
          { personId: '1', personCode: '100', personGivenName: 'A' },
          { personId: '1', personCode: '101', personGivenName: 'B' },
        ],
        doors: [{ doorIndexCode: 'D', doorName: 'Door', readers: [{ readerIndexCode: 'R', readerName: 'Reader' }] }],
        events: [
          { eventId: 'e1', eventType: 196893, eventTime: '2026-01-27T08:00:00', doorIndexCode: 'D' },
          { eventId: 'e2', eventType: 196893, eventTime: 1000, arrivalTime: 999, doorIndexCode: 'D' },
          { eventId: 'e3', eventType: 196893, eventTime: 1000, doorIndexCode: 'NOPE' },
          { eventId: 'e4', eventType: 196893, eventTime: 1000, doorIndexCode: 'D', readerIndexCode: 'R2' },
        ],
      }),
    );
    const error = await loadScenarioFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toMatch(/site\.timezone: is not an IANA timezone/);
    expect(message).toMatch(/persons\[1\]\.personId: duplicate personId "1"/);
    expect(message).toMatch(/events\[0\]\.eventTime: .*no UTC offset/);
    expect(message).toMatch(/events\[1\]\.arrivalTime: must not be before eventTime/);
    expect(message).toMatch(/events\[2\]\.doorIndexCode: door "NOPE" is not in doors/);
    expect(message).toMatch(/events\[3\]\.readerIndexCode: reader "R2" is not a reader of door "D"/);
  });

  it('says so when the file is not JSON or does not exist', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{"site": ');
    await expect(loadScenarioFile(path)).rejects.toThrow(/not valid JSON/);
    await expect(loadScenarioFile(join(dir, 'missing.json'))).rejects.toThrow(/cannot be read/);
  });
});
