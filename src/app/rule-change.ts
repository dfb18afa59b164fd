import { DateTime } from 'luxon';
import type { AppConfig } from '../config/types.js';
import type { PipelineContext } from '../pipeline/context.js';
import { RULES_DIGEST_META, rulesDigest, type ReprocessResult } from '../pipeline/reprocess.js';

/** After a change of rules, this far back is decided again (at least the poll look-back). */
const RECONSIDER_AFTER_CHANGE_MS = 48 * 3_600_000;

type Reprocess = (range: { readonly from: string; readonly to: string; readonly dryRun: boolean }) => Promise<ReprocessResult>;

/**
 * The time-clock or mapping rules changed since the ledger last saw them (a typo fixed, a clock
 * added): punches of the last days were decided under the old rules, so they are decided again.
 */
export async function reconsiderAfterRuleChange(context: PipelineContext, config: AppConfig, reprocess: Reprocess): Promise<void> {
  const { store, clock, logger } = context;
  const digest = rulesDigest(config.rules);
  const before = await store.getMeta(RULES_DIGEST_META);
  if (before !== null && before !== digest) {
    const now = clock.now();
    const spanMs = Math.max(config.poll.lookbackMs, RECONSIDER_AFTER_CHANGE_MS);
    const day = (ms: number) => DateTime.fromMillis(ms, { zone: config.siteTimezone }).toFormat('yyyy-MM-dd');
    const result = await reprocess({ from: day(now - spanMs), to: day(now), dryRun: config.dryRun });
    logger.warn(
      { from: result.from, to: result.to, considered: result.considered, changed: result.changes.length, nowQueued: result.nowQueued },
      `the time-clock or mapping rules changed: ${result.changes.length} ${result.changes.length === 1 ? 'punch' : 'punches'} of the last days decided again, ${result.nowQueued} now go to Humand`,
    );
  }
  if (!config.dryRun && before !== digest) await store.setMeta(RULES_DIGEST_META, digest);
}
