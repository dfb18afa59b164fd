import type http from 'node:http';
import { AcsEventSearch } from './acs-event-search.js';
import { PushSender } from './push-sender.js';
import { createTerminalServer, listen } from './server.js';
import { TerminalState, type TerminalOptions } from './terminal-state.js';
import { generateSelfSignedTls } from '../hikcentral/tls.js';

export { TerminalState, type TerminalEventInput, type TerminalOptions } from './terminal-state.js';

export interface IsapiTerminalSimulator {
  readonly url: string;
  /** With `https: true`: the terminal's self-signed certificate (its own CA), for a client's caFile. */
  readonly caPem: string | null;
  readonly state: TerminalState;
  /** POSTs new events to the configured HTTP hosts (as the terminal does when an event happens). */
  pushPending(options?: { withPictures?: boolean }): Promise<number>;
  heartbeat(): Promise<void>;
  close(): Promise<void>;
}

/** A Hikvision access terminal over ISAPI on 127.0.0.1 (digest auth, AcsEvent search, HTTP-host push). */
export async function startIsapiTerminal(options: TerminalOptions & { readonly https?: boolean }): Promise<IsapiTerminalSimulator> {
  const state = new TerminalState(options);
  const tls = options.https === true ? await generateSelfSignedTls() : undefined;
  const server: http.Server = createTerminalServer(state, tls);
  const url = await listen(server);
  const sender = new PushSender(state, new AcsEventSearch(state), '127.0.0.1');
  return {
    url,
    caPem: tls?.certPem ?? null,
    state,
    pushPending: (push) => sender.pushPending(push),
    heartbeat: () => sender.heartbeat(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
