import { pino, type Logger, type LoggerOptions } from 'pino';
import { REDACT_PATHS, redactText } from './redact.js';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly level?: string;
  /** Pretty output for a person at a terminal; JSON lines otherwise. */
  readonly pretty?: boolean;
  readonly destination?: NodeJS.WritableStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
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
        return { ...serialized, message: redactText(serialized.message ?? ''), stack: serialized.stack ? redactText(serialized.stack) : undefined };
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
