import type { App } from '../../app/types.js';
import type { Logger } from '../../logging/logger.js';
import { startIsapiReceiver, type IsapiReceiver } from './receiver.js';

/** The terminals' push receiver for the service, from `isapi.push`, feeding App.ingest (committed before each 200). */
export async function startTerminalReceiver(app: App, logger: Logger): Promise<IsapiReceiver | null> {
  const isapi = app.config.isapi;
  if (!isapi?.push) return null;
  return startIsapiReceiver({
    host: isapi.push.host,
    port: isapi.push.port,
    path: isapi.push.path,
    devices: isapi.devices,
    timeZone: app.config.siteTimezone,
    logger: logger.child({ part: 'isapi-push' }),
    ingest: (events, source) => app.ingest(events, source),
    recordRejectedInput: (inputs) => app.recordRejectedInputs(inputs, 'isapi-push'),
  });
}
