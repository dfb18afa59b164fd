import Fastify from 'fastify';

export interface ReceivedPush {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

/** An HTTP endpoint that records OnEventNotify posts and answers with the statuses it is told to. */
export interface PushReceiver {
  readonly url: string;
  readonly received: ReceivedPush[];
  /** Statuses for the next posts, in order; after they run out: 200. */
  answerNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const received: ReceivedPush[] = [];
  const statuses: number[] = [];
  app.post('/hik/events', async (request, reply) => {
    received.push({ headers: request.headers, body: request.body });
    return reply.code(statuses.shift() ?? 200).send({ ok: true });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hik/events`,
    received,
    answerNext: (...next) => statuses.push(...next),
    close: () => app.close(),
  };
}
