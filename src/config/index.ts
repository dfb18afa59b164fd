export { loadConfig, DEFAULT_CONFIG_FILES, DEFAULT_DATABASE_PATH, type LoadConfigOptions } from './load.js';
export { parseDuration, parseBoolean } from './parse-values.js';
export * from './types.js';
export { DEFAULT_GRANTED_EVENT_CODES, DEFAULT_REFUSED_EVENT_CODES, DEFAULT_DOOR_STATE_EVENT_CODES } from './event-codes.js';
