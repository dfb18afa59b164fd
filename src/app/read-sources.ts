import { isAppError } from '../domain/errors.js';
import type { IsapiPolling } from '../isapi/polling.js';
import { withIsapiPass } from '../isapi/app-hook.js';
import { RepeatedLine } from '../logging/repeated-line.js';
import type { PipelineContext } from '../pipeline/context.js';
import type { Poller, ScanSummary } from '../pipeline/poller.js';
import { META, noteRecentError } from './ops-meta.js';

export interface SourcesRead {
  readonly poll: ScanSummary | null;
  readonly pollError: string | null;
}

/**
 * One read of every event source (HikCentral's door events, terminals over ISAPI), with the
 * bookkeeping `status` and the dashboard show: last attempt and success, the last error, the
 * recent-errors list, and a failure logged once and then once in a while with its count.
 */
export class SourceReader {
  private readonly failures = new RepeatedLine();

  constructor(
    private readonly context: PipelineContext,
    private readonly poller: Poller | null,
    private readonly isapi: IsapiPolling | null,
  ) {}

  async read(signal?: AbortSignal): Promise<SourcesRead> {
    let read: SourcesRead = { poll: null, pollError: null };
    if (this.poller !== null) read = await this.readHikCentral(this.poller, signal);
    if (this.isapi !== null) read = await this.readTerminals(this.isapi, read, signal);
    return read;
  }

  private async readHikCentral(poller: Poller, signal?: AbortSignal): Promise<SourcesRead> {
    const { store, clock, logger, events } = this.context;
    await store.setMeta(META.pollLastAttempt, String(clock.now()));
    try {
      const poll = await poller.pollOnce(signal);
      await store.setMeta(META.pollLastSuccess, String(clock.now()));
      await store.setMeta(META.pollLastError, null);
      const ended = this.failures.end();
      if (ended !== null)
        logger.info(
          { failedPolls: ended.count, sinceMs: ended.sinceMs },
          `polling HikCentral works again after ${ended.count} failed ${ended.count === 1 ? 'poll' : 'polls'}`,
        );
      events.emit({ type: 'poll-completed', ok: true, events: poll.events, fresh: poll.fresh, error: null });
      return { poll, pollError: null };
    } catch (error) {
      const pollError = error instanceof Error ? error.message : String(error);
      const repeat = this.failures.note(pollError, clock.now());
      const repeated = repeat.count > 1 ? { repeated: repeat.count, sinceMs: repeat.sinceMs } : {};
      logger[repeat.log ? 'error' : 'debug'](
        { err: error, hint: isAppError(error) ? error.hint : undefined, ...repeated },
        repeat.count > 1 ? `poll failed again (${repeat.count} in a row); the cursor stays where it was` : 'poll failed; the cursor stays where it was',
      );
      await store.setMeta(META.pollLastError, pollError).catch(() => undefined);
      await noteRecentError(store, clock.now(), error, 'poll failed');
      events.emit({ type: 'poll-completed', ok: false, events: 0, fresh: 0, error: pollError });
      return { poll: null, pollError };
    }
  }

  private async readTerminals(isapi: IsapiPolling, before: SourcesRead, signal?: AbortSignal): Promise<SourcesRead> {
    const { store, clock, events } = this.context;
    if (this.poller === null) await store.setMeta(META.pollLastAttempt, String(clock.now()));
    const pass = await isapi.pollAll(signal);
    const read = withIsapiPass(before.poll, before.pollError, pass);
    await store.setMeta(read.pollError === null ? META.pollLastSuccess : META.pollLastError, read.pollError ?? String(clock.now()));
    for (const error of pass.errors) await noteRecentError(store, clock.now(), new Error(error), error);
    events.emit({
      type: 'poll-completed',
      ok: pass.errors.length === 0,
      events: pass.scan.events,
      fresh: pass.scan.fresh,
      error: pass.errors.join('; ') || null,
    });
    return read;
  }
}
