import { Agent, request } from 'undici';

export interface PushSenderSettings {
  /** Wall-clock limit for one delivery (connect + answer). */
  readonly timeoutMs: number;
  /** Extra CA to trust for https receivers (e.g. a test receiver's self-signed cert). */
  readonly caPem?: string;
  /** false = do not verify the receiver's certificate (test receivers only). */
  readonly rejectUnauthorized: boolean;
}

export type SendResult = { readonly status: number } | { readonly error: string };

/** POSTs OnEventNotify bodies to receivers. */
export class PushSender {
  private readonly agent: Agent;
  private readonly closing = new AbortController();

  constructor(private readonly settings: PushSenderSettings) {
    this.agent = new Agent({
      connect: { timeout: settings.timeoutMs, rejectUnauthorized: settings.rejectUnauthorized, ...(settings.caPem ? { ca: settings.caPem } : {}) },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
    });
  }

  async send(eventDest: string, token: string | null, body: unknown): Promise<SendResult> {
    try {
      const response = await request(eventDest, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json;charset=UTF-8', ...(token === null ? {} : { token }) },
        body: JSON.stringify(body),
        signal: AbortSignal.any([this.closing.signal, AbortSignal.timeout(this.settings.timeoutMs)]),
      });
      await response.body.dump();
      return { status: response.statusCode };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { error: `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    this.closing.abort(new Error('simulator closing'));
    await this.agent.close().catch(() => undefined);
  }
}
