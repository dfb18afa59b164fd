import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

/** A tiny local HTTP endpoint that records what alert webhooks post to it. */
export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedPost[];
  /** Status to answer with from now on (default 200). */
  answerWith(status: number): void;
  /** Resolves once at least `count` posts have arrived (bounded). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebhookReceiver(path = '/hooks/T000/B000/secret-token'): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      if (status >= 200 && status < 300) {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(text) as unknown });
        for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
      }
      res.statusCode = status;
      res.end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answerWith(next) {
      status = next;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} posts arrived`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
