import type { Readable } from 'node:stream';
import Fastify, { LogController, type FastifyReply } from 'fastify';
import type { IsapiDeviceConfig } from '../../config/isapi.js';
import type { Logger } from '../../logging/logger.js';
import { createIpAllowlist, type IpAllowlist } from '../../push/ip-allowlist.js';
import type { PushIngest, RejectedInputRecorder } from '../../push/ports.js';
import { PushBodyError, readEventLogPart } from './multipart.js';
import { readEventLog } from './read-event-log.js';

export const DEFAULT_ISAPI_PUSH_PATH = '/hik/isapi';
/** An event_log is ~1 KB; a face picture part 50–300 KB. */
export const DEFAULT_ISAPI_PUSH_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface IsapiReceiverOptions {
  readonly host: string;
  /** 0 = an ephemeral port (tests). */
  readonly port: number;
  /** Each device pushes to `<path>/<device name>`. */
  readonly path?: string;
  readonly devices: readonly IsapiDeviceConfig[];
  readonly timeZone: string;
  readonly bodyLimitBytes?: number;
  readonly logger: Logger;
  readonly ingest: PushIngest;
  readonly recordRejectedInput?: RejectedInputRecorder;
}

export interface IsapiReceiver {
  /** e.g. http://127.0.0.1:8090/hik/isapi — a device's URL is this plus `/<name>`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const answer = (reply: FastifyReply, status: number, subStatusCode: string) =>
  reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ statusCode: status === 200 ? 1 : 4, statusString: status === 200 ? 'OK' : 'Invalid Operation', subStatusCode });

/**
 * The HTTP listening host terminals push to: `POST <path>/<device>` with multipart/form-data
 * (an `event_log` JSON part, maybe a picture that is dropped) or plain JSON. Only the addresses
 * configured for that device may push as it. An access event is answered 200 only after it is
 * committed to the ledger (503 otherwise, so the terminal sends it again); heartbeats get 200.
 */
export async function startIsapiReceiver(options: IsapiReceiverOptions): Promise<IsapiReceiver> {
  const base = (options.path ?? DEFAULT_ISAPI_PUSH_PATH).replace(/\/+$/, '');
  const logger = options.logger.child({ component: 'isapi-push' });
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_ISAPI_PUSH_BODY_LIMIT_BYTES;
  const devices = new Map<string, { allowlist: IpAllowlist }>(options.devices.map((d) => [d.name, { allowlist: createIpAllowlist(d.pushAddresses) }]));
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    requestTimeout: 30_000,
    return503OnClosing: true,
  });
  app.removeContentTypeParser('text/plain');
  // The stream is handed over as is: readEventLogPart enforces the limit and drops the picture.
  app.addContentTypeParser('multipart/form-data', (_request, payload, done) => done(null, payload));

  app.addHook('onRequest', async (request, reply) => {
    const name = decodeURIComponent(request.url.split('?')[0]!.slice(base.length + 1));
    const device = devices.get(name);
    if (!request.url.startsWith(`${base}/`) || device === undefined) return answer(reply, 404, 'notSupport');
    if (!device.allowlist.allows(request.ip)) {
      logger.warn({ device: name, remoteAddress: request.ip }, `a push as terminal ${name} from an address not configured for it (pushFrom) was refused`);
      return answer(reply, 403, 'forbidden');
    }
    return undefined;
  });

  app.post(`${base}/:device`, async (request, reply) => {
    const device = (request.params as { device: string }).device;
    let text: string;
    try {
      text = request.headers['content-type']?.startsWith('multipart/form-data')
        ? await readEventLogPart(request.headers, request.body as Readable, bodyLimit)
        : JSON.stringify(request.body);
    } catch (error) {
      if (!(error instanceof PushBodyError)) throw error;
      logger.warn({ device, reason: error.message }, 'terminal push refused');
      return answer(reply, error.status, error.message);
    }
    const reading = readEventLog(text, device, options.timeZone);
    if (reading.kind === 'skip') return answer(reply, 200, 'ok');
    if (reading.kind === 'bad') {
      await options.recordRejectedInput?.([{ raw: text, reason: `terminal ${device}: ${reading.reason}` }]).catch(() => undefined);
      return answer(reply, 400, reading.reason);
    }
    try {
      const result = await options.ingest([reading.event], 'push');
      logger.debug({ device, eventId: reading.event.eventId, inserted: result.inserted, duplicates: result.duplicates }, 'terminal push committed');
    } catch (error) {
      logger.error({ err: error, device }, 'could not commit a terminal push to the ledger; answering 503 so the terminal sends it again');
      return answer(reply, 503, 'storeUnavailable');
    }
    return answer(reply, 200, 'ok');
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}${base}`;
  logger.info({ url, devices: [...devices.keys()] }, 'terminal push receiver listening');
  return { url, port, close: () => app.close().then(() => undefined) };
}
