import { pino, type Logger, type LoggerOptions } from 'pino';
import { isAppError } from '../domain/errors.js';
import { REDACT_PATHS, redactText } from './redact.js';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly level?: string;
  /** Pretty output for a person at a terminal; JSON lines otherwise. */
  readonly pretty?: boolean;
  readonly destination?: NodeJS.WritableStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const level = settings.level ?? process.env.LOG_LEVEL ?? 'info';
  // A classified error (unreachable host, refused key…) says what and how to fix it; its stack
  // is for a developer: only at debug. A bug's stack is always kept.
  const stacks = level === 'debug' || level === 'trace';
  const options: LoggerOptions = {
    level,
    base: { service: 'hik2humand' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      // Scrub registered secret values from free-text messages too.
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        const stack = serialized.stack && (stacks || !isAppError(err)) ? redactText(serialized.stack) : undefined;
        return { ...serialized, message: redactText(serialized.message ?? ''), stack };
      },
    },
  };
  const pretty = settings.pretty ?? (process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json');
  if (pretty && !settings.destination) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:standard' } } });
  }
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

/** A logger that writes nothing, for tests that do not assert on logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
