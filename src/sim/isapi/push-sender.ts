import type { AcsEventSearch } from './acs-event-search.js';
import type { TerminalState } from './terminal-state.js';

/** A tiny JPEG-looking blob: real terminals attach the face snapshot; the receiver must ignore it. */
const PICTURE = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

/**
 * The terminal's HTTP-host push: each new event POSTed as multipart/form-data with an
 * `event_log` JSON part (and a picture part for face events), to every configured host.
 * An event is pushed until a host answers 200; heartbeats are sent on request.
 */
export class PushSender {
  constructor(
    private readonly state: TerminalState,
    private readonly search: Pick<AcsEventSearch, 'record'>,
    private readonly sourceAddress: string,
  ) {}

  eventLog(record: Record<string, unknown>): Record<string, unknown> {
    const { major, minor, time, ...rest } = record;
    return {
      ipAddress: this.sourceAddress,
      portNo: 80,
      protocol: 'HTTP',
      macAddress: 'c0:56:e3:00:00:01',
      channelID: 1,
      dateTime: time,
      activePostCount: 1,
      eventType: 'AccessControllerEvent',
      eventState: 'active',
      eventDescription: 'Access Controller Event',
      AccessControllerEvent: { deviceName: 'Terminal', majorEventType: major, subEventType: minor, ...rest },
    };
  }

  private async post(url: string, log: Record<string, unknown>, withPicture: boolean): Promise<boolean> {
    const form = new FormData();
    form.append('event_log', new Blob([JSON.stringify(log)], { type: 'application/json' }), 'event_log.json');
    if (withPicture) form.append('Picture', new Blob([PICTURE], { type: 'image/jpeg' }), 'Picture.jpg');
    try {
      const response = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  private hostUrls(): string[] {
    return [...this.state.httpHosts.values()].map(
      (host) => `${host.protocolType.toLowerCase()}://${host.ipAddress}:${host.portNo}${host.url.startsWith('/') ? host.url : `/${host.url}`}`,
    );
  }

  /** Pushes every event newer than the last one acknowledged; stops at the first a host refuses (kept for the next call). */
  async pushPending(options: { withPictures?: boolean } = {}): Promise<number> {
    const urls = this.hostUrls();
    if (urls.length === 0 || this.state.offline) return 0;
    let pushed = 0;
    for (const event of this.state.buffer().filter((e) => e.serialNo > this.state.pushedSerial)) {
      const log = this.eventLog(this.search.record(event));
      const results = await Promise.all(urls.map((url) => this.post(url, log, options.withPictures !== false && event.employeeNo !== null)));
      if (!results.every(Boolean)) break;
      this.state.pushedSerial = event.serialNo;
      pushed++;
    }
    return pushed;
  }

  async heartbeat(): Promise<void> {
    for (const url of this.hostUrls())
      await this.post(
        url,
        {
          ipAddress: this.sourceAddress,
          dateTime: this.state.formatTime(this.state.deviceNowMs()),
          activePostCount: 1,
          eventType: 'heartBeat',
          eventState: 'active',
          eventDescription: 'heartBeat',
        },
        false,
      );
  }
}
