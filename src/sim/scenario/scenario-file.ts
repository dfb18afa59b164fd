import { readFile, writeFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { BadInputError } from '../../domain/errors.js';
import { parseScenario } from './scenario-schema.js';
import type { HikScenario } from './types.js';

/** Reads and validates a scenario file; a bad file throws one error naming every problem. */
export async function loadScenarioFile(path: string): Promise<HikScenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BadInputError(`Scenario file "${path}" cannot be read: ${(error as Error).message}`, { hint: 'Check the path.', cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BadInputError(`Scenario file "${path}" is not valid JSON: ${(error as Error).message}`, { hint: 'Fix the JSON syntax.', cause: error });
  }
  return scenarioFromJson(json, `Scenario file "${path}"`);
}

export function scenarioFromJson(json: unknown, what = 'Scenario'): HikScenario {
  const parsed = parseScenario(json);
  if (parsed.ok) return parsed.scenario;
  const shown = parsed.problems.slice(0, 20);
  const more = parsed.problems.length - shown.length;
  throw new BadInputError(`${what} is invalid: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`, {
    hint: 'Fix the listed fields (times are epoch ms or ISO 8601 with an offset).',
  });
}

/** The scenario as JSON a person can read: instants written as ISO 8601 in the site's zone. */
export function scenarioToJson(scenario: HikScenario): unknown {
  const zone = scenario.site.timezone;
  const iso = (ms: number): string => DateTime.fromMillis(ms, { zone }).toISO() ?? String(ms);
  return {
    site: scenario.site,
    persons: scenario.persons,
    doors: scenario.doors,
    events: scenario.events.map((event) => ({ ...event, eventTime: iso(event.eventTime), arrivalTime: iso(event.arrivalTime) })),
  };
}

export async function saveScenarioFile(path: string, scenario: HikScenario): Promise<void> {
  await writeFile(path, `${JSON.stringify(scenarioToJson(scenario), null, 2)}\n`, 'utf8');
}
