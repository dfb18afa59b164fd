import type { PipelineContext } from '../pipeline/context.js';

/**
 * A real run delivers what an earlier dry run only logged: called where real delivery starts
 * (sync, daemon, backfill that delivers, deliverPending), never on open, so a read-only
 * `status` of a dry-run ledger leaves it as it was.
 */
export async function takeOverDryRun(context: PipelineContext): Promise<void> {
  const { store, clock, logger } = context;
  const dry = await store.listByOutcome(['dry-run']);
  if (dry.length === 0) return;
  // Guarded: an instance sharing the ledger may have taken one of them over already.
  await store.updatePunches(
    dry.map((p) => ({ id: p.id, outcome: 'received' as const, reason: null, request: null, entryType: null, expectedOutcome: 'dry-run' as const })),
    clock.now(),
  );
  logger.info({ punches: dry.length }, 'punches from an earlier dry run will now be delivered');
}
