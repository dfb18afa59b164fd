import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logging/logger.js';
import { registerSecret } from '../src/logging/redact.js';
import { TransientError } from '../src/domain/errors.js';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('logger', () => {
  it('writes one JSON object per line and redacts secrets by key and by value', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, pretty: false, level: 'info' });
    registerSecret('Basic super-secret-humand-key');
    logger.info({ HUMAND_AUTH: 'Basic super-secret-humand-key', headers: { authorization: 'x' } }, 'sending with super-secret-humand-key');
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(parsed.level).toBe('info');
    expect(JSON.stringify(parsed)).not.toContain('super-secret-humand-key');
    expect(parsed.msg).toBe('sending with [REDACTED]');
  });

  it('logs a classified error (unreachable host) without its stack unless at debug; a bug always with it (issue #10)', () => {
    const errOf = (level: string, error: Error) => {
      const out = capture();
      createLogger({ destination: out.stream, pretty: false, level }).warn({ err: error }, 'poll pass failed');
      return (JSON.parse(out.lines()[0] ?? '{}') as { err: { message: string; stack?: string } }).err;
    };
    const unreachable = new TransientError('HikCentral refused the connection at https://10.0.0.5', { hint: 'check HIKVISION_HOST' });
    expect(errOf('warn', unreachable)).toMatchObject({ message: 'HikCentral refused the connection at https://10.0.0.5' });
    expect(errOf('warn', unreachable).stack).toBeUndefined();
    expect(errOf('debug', unreachable).stack).toContain('TransientError');
    expect(errOf('warn', new TypeError('x is undefined')).stack).toContain('TypeError');
  });
});
