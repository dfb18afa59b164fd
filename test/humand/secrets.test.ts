import { createServer } from 'node:http';
import { capturedLogger } from '../support/captured-logger.js';
import { describe, expect, it } from 'vitest';
import { formatHumandTime, HumandClient } from '../../src/humand/index.js';
import { startHumandSimulator } from '../../src/sim/humand/index.js';

const KEY = 'hk_live_5d1e0c9b7a3f';

describe('the Humand key never leaves the Authorization header', () => {
  it('is absent from log lines and from failure messages, even when Humand echoes it back', async () => {
    // A Humand look-alike that echoes the Authorization header in its error message.
    const echo = createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', ratelimit: 'limit=50, remaining=1, reset=3' });
      res.end(JSON.stringify({ message: `malformed header: ${req.headers.authorization ?? ''}`, code: 'INVALID_DATA', metadata: {} }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const address = echo.address();
    if (address === null || typeof address === 'string') throw new Error('no address');

    const { lines, logger } = capturedLogger();
    const sim = await startHumandSimulator({ apiKey: KEY, users: [{ employeeInternalId: '1001', firstName: 'A', lastName: 'B' }], logger });
    const echoed = new HumandClient({ baseUrl: `http://127.0.0.1:${address.port}`, auth: `Basic ${KEY}`, logger });
    const real = new HumandClient({ baseUrl: sim.url, auth: KEY, logger });
    try {
      const failure = await echoed.getUser('1001');
      expect(failure.ok).toBe(false);
      const message = failure.ok ? '' : failure.failure.message;
      expect(message).toContain('[REDACTED]');
      expect(message).not.toContain(KEY);

      await real.clock('START', { employeeId: '1001', now: formatHumandTime(Date.now() - 60_000, '-03:00'), comment: 'x' });
      await real.listUsers();
      logger.info({ err: new Error(`boom ${KEY}`) }, `a message mentioning ${KEY}`);

      expect(lines.length).toBeGreaterThan(3);
      expect(lines.join('\n')).not.toContain(KEY);
    } finally {
      await echoed.close();
      await real.close();
      await sim.close();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
