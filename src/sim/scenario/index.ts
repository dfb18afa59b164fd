export type {
  Direction,
  ExpectedEventOutcome,
  ExpectedPunch,
  GroundTruth,
  HikScenario,
  NoiseReason,
  SimDoor,
  SimEvent,
  SimPerson,
  SimReader,
  TimeClockReader,
} from './types.js';
export { ACCESS_GRANTED_CODES, ACCESS_REFUSED_CODES, DOOR_STATE_CODES, CODE, isAccessGranted, isDoorState } from './event-codes.js';
export { computeGroundTruth, DEFAULT_DOUBLE_TAP_WINDOW_MS, type GroundTruthRules } from './ground-truth.js';
export {
  generateWorkingDay,
  type DayBehaviours,
  type GeneratedEmployee,
  type GeneratedWorkingDay,
  type ShiftKind,
  type WorkingDayOptions,
} from './working-day.js';
export { loadScenarioFile, saveScenarioFile, scenarioFromJson, scenarioToJson } from './scenario-file.js';
export { parseScenario, type ScenarioInput } from './scenario-schema.js';
export { personName } from './persons.js';
export { SITE_DOORS, TIME_CLOCK_READERS } from './site.js';
