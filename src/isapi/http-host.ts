import { z } from 'zod';
import type { IsapiClient } from './client.js';

/** Where a terminal pushes: our address as it reaches us, our port, and the device's own path. */
export interface PushTarget {
  readonly ipAddress: string;
  readonly portNo: number;
  /** e.g. /hik/isapi/entrada */
  readonly url: string;
}

const hostListSchema = z.object({
  HttpHostNotificationList: z
    .array(
      z.object({
        HttpHostNotification: z.looseObject({
          id: z.coerce.string().optional(),
          url: z.string().optional(),
          ipAddress: z.string().optional(),
          portNo: z.coerce.number().optional(),
        }),
      }),
    )
    .default([]),
});

/** The HTTP hosts configured on a terminal. */
export async function readHttpHosts(client: IsapiClient, signal?: AbortSignal): Promise<PushTarget[]> {
  const parsed = hostListSchema.safeParse(JSON.parse(await client.call('GET', '/ISAPI/Event/notification/httpHosts?format=json', undefined, signal)));
  if (!parsed.success) return [];
  return parsed.data.HttpHostNotificationList.map(({ HttpHostNotification: h }) => ({ ipAddress: h.ipAddress ?? '', portNo: h.portNo ?? 0, url: h.url ?? '' }));
}

export function pointsAt(host: PushTarget, target: PushTarget): boolean {
  return host.ipAddress === target.ipAddress && host.portNo === target.portNo && host.url === target.url;
}

/** Points the terminal's HTTP host `id` at us: JSON event logs, by IP address, no authentication (the receiver allowlists the device's address). */
export async function configureHttpHost(client: IsapiClient, target: PushTarget, id = '1', signal?: AbortSignal): Promise<void> {
  await client.call(
    'PUT',
    `/ISAPI/Event/notification/httpHosts/${id}?format=json`,
    {
      HttpHostNotification: {
        id,
        url: target.url,
        protocolType: 'HTTP',
        parameterFormatType: 'JSON',
        addressingFormatType: 'ipaddress',
        ipAddress: target.ipAddress,
        portNo: target.portNo,
        httpAuthenticationMethod: 'none',
      },
    },
    signal,
  );
}
