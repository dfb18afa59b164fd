import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { AcsEventSearch, badContent } from './acs-event-search.js';
import { DigestGuard } from './digest-guard.js';
import type { TerminalState } from './terminal-state.js';

const MAX_BODY = 64 * 1024;
const OK = { statusCode: 1, statusString: 'OK', subStatusCode: 'ok' };

const httpHostSchema = z.object({
  HttpHostNotification: z.object({
    id: z.string().optional(),
    url: z.string(),
    protocolType: z.enum(['HTTP', 'HTTPS']),
    parameterFormatType: z.string().optional(),
    addressingFormatType: z.string().optional(),
    ipAddress: z.string(),
    portNo: z.number().int().min(1).max(65535),
    httpAuthenticationMethod: z.string().optional(),
  }),
});

function xml(root: string, fields: Record<string, string>): string {
  const inner = Object.entries(fields)
    .map(([key, value]) => `<${key}>${value}</${key}>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">\n${inner}\n</${root}>\n`;
}

/** The terminal's zone as ISAPI writes it (POSIX style: CST+3:00:00 is UTC−3). */
function posixZone(offsetMinutes: number): string {
  const sign = offsetMinutes <= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  return `CST${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}:00`;
}

async function readBody(request: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The terminal's HTTP interface: digest-protected ISAPI resources; offline means every connection is dropped. */
export function createTerminalServer(state: TerminalState, tls?: { readonly keyPem: string; readonly certPem: string }): http.Server {
  const guard = new DigestGuard(state);
  const search = new AcsEventSearch(state);
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    void (async () => {
      if (state.offline) {
        request.socket.destroy();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://terminal');
      const method = request.method ?? 'GET';
      const send = (status: number, body: unknown, contentType = 'application/json') => {
        state.requests.push({ method, path: url.pathname, status });
        response.writeHead(status, { 'content-type': contentType });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const auth = guard.check(request);
      if (!auth.ok) {
        state.requests.push({ method, path: url.pathname, status: 401 });
        response.writeHead(401, { 'www-authenticate': auth.wwwAuthenticate, 'content-type': 'application/xml' });
        response.end(auth.body);
        request.resume();
        return;
      }
      const text = await readBody(request);
      if (text === null) return send(413, badContent('badJsonContent', 'body too large'));
      let json: unknown = undefined;
      if (text !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          return send(400, badContent('badJsonContent', 'the body is not JSON'));
        }
      }
      const route = `${method} ${url.pathname}`;
      if (route === 'GET /ISAPI/System/deviceInfo') {
        return send(
          200,
          xml('DeviceInfo', {
            deviceName: 'Terminal',
            deviceID: '1',
            model: state.info.model,
            serialNumber: state.info.serialNumber,
            macAddress: 'c0:56:e3:00:00:01',
            firmwareVersion: state.info.firmwareVersion,
            firmwareReleasedDate: 'build 260101',
            deviceType: 'ACS',
          }),
          'application/xml',
        );
      }
      if (route === 'GET /ISAPI/System/time') {
        const now = state.deviceNowMs();
        const local = state.formatTime(now);
        const offset = Number(/([+-]\d{2}):(\d{2})$/.exec(local)?.slice(1).join('') ?? 0);
        const offsetMinutes = Math.trunc(offset / 100) * 60 + (offset % 100);
        return send(200, xml('Time', { timeMode: 'manual', localTime: local, timeZone: posixZone(offsetMinutes) }), 'application/xml');
      }
      if (route === 'GET /ISAPI/AccessControl/AcsEvent/capabilities') {
        return send(200, {
          AcsEvent: {
            AcsEventCond: {
              searchID: { '@min': 1, '@max': 32 },
              searchResultPosition: { '@min': 0, '@max': 100000 },
              maxResults: { '@min': 1, '@max': state.maxResults },
              major: { '@opt': '0,1,2,3,5' },
              startTime: { '@min': 0, '@max': 32 },
              endTime: { '@min': 0, '@max': 32 },
            },
          },
        });
      }
      if (route === 'POST /ISAPI/AccessControl/AcsEvent') {
        if (url.searchParams.get('format') !== 'json') return send(400, badContent('badXmlContent', 'send ?format=json'));
        const answer = search.answer(json);
        return send(answer.status, answer.body);
      }
      if (route === 'GET /ISAPI/Event/notification/httpHosts') {
        return send(200, {
          HttpHostNotificationList: [...state.httpHosts.values()].map((host) => ({
            HttpHostNotification: { ...host, parameterFormatType: 'JSON', addressingFormatType: 'ipaddress', httpAuthenticationMethod: 'none' },
          })),
        });
      }
      const hostMatch = /^\/ISAPI\/Event\/notification\/httpHosts\/(\d+)$/.exec(url.pathname);
      if (method === 'PUT' && hostMatch !== null) {
        const parsed = httpHostSchema.safeParse(json);
        if (!parsed.success) return send(400, badContent('badParameters', parsed.error.issues.map((i) => i.path.join('.')).join(', ')));
        const host = parsed.data.HttpHostNotification;
        state.httpHosts.set(hostMatch[1]!, {
          id: hostMatch[1]!,
          url: host.url,
          protocolType: host.protocolType,
          ipAddress: host.ipAddress,
          portNo: host.portNo,
        });
        return send(200, OK);
      }
      return send(404, { statusCode: 4, statusString: 'Invalid Operation', subStatusCode: 'notSupport' });
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  };
  return tls === undefined ? http.createServer(handler) : https.createServer({ key: tls.keyPem, cert: tls.certPem }, handler);
}

export async function listen(server: http.Server, host = '127.0.0.1'): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return `${server instanceof https.Server ? 'https' : 'http'}://${host}:${port}`;
}
