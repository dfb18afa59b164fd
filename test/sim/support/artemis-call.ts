import { Agent, request } from 'undici';
import { signedRequestHeaders, type RequestSigning } from './artemis-test-signer.js';

export interface ArtemisAnswer {
  readonly status: number;
  readonly text: string;
  /** Parsed body; throws when reading it from a malformed answer. */
  json(): { code: string; msg: string; data?: unknown };
}

export interface CallOptions extends Omit<RequestSigning, 'path'> {
  /** Change the signed headers before sending (drop one, alter a value…). */
  readonly tamper?: (headers: Record<string, string>) => Record<string, string>;
  /** Put this query in the URL instead of the signed one. */
  readonly sentQuery?: Readonly<Record<string, string>>;
  /** Send this text as the body instead of JSON of `body`. */
  readonly rawBody?: string;
  /** undici headersTimeout in ms (wall clock). */
  readonly timeoutMs?: number;
}

/** A signed call to the simulator over real HTTPS, trusting the simulator's CA (or not, with ca: null). */
export async function callArtemis(
  target: { readonly baseUrl: string; readonly caPem: string | null },
  path: string,
  body: unknown,
  options: CallOptions,
): Promise<ArtemisAnswer> {
  const method = options.method ?? 'POST';
  let headers = signedRequestHeaders({ ...options, path, method });
  if (options.tamper) headers = options.tamper(headers);
  const agent = new Agent({
    connect: target.caPem === null ? {} : { ca: target.caPem },
    ...(options.timeoutMs === undefined ? {} : { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs }),
  });
  try {
    const sentQuery = options.sentQuery ?? options.query;
    const query = sentQuery ? `?${new URLSearchParams(sentQuery).toString()}` : '';
    const response = await request(`${target.baseUrl}${path}${query}`, {
      method,
      headers,
      dispatcher: agent,
      ...(method === 'GET' ? {} : { body: options.rawBody ?? JSON.stringify(body) }),
    });
    const text = await response.body.text();
    return { status: response.statusCode, text, json: () => JSON.parse(text) as { code: string; msg: string; data?: unknown } };
  } finally {
    await agent.close();
  }
}
