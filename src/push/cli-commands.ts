import { printable } from '../cli/format/printable.js';
import type { Command } from 'commander';
import { ConfigurationError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import { PUSH_WORDS_EN, type PushCommandWords } from './command-words.js';
import type { PushConfig } from './config.js';
import {
  ensureSubscription,
  listSubscriptions,
  removeSubscription,
  type EnsureResult,
  type ListedSubscription,
  type SubscriptionClient,
} from './subscription-manager.js';

/** What the push commands need; the CLI builds it from the configuration. */
export interface PushCommandContext {
  readonly client: SubscriptionClient;
  /** The pipeline's "access granted" event codes: what the subscription asks for. */
  readonly eventTypes: readonly number[];
  /** Push settings (WEBHOOK_*), null when push is not configured. */
  readonly push: PushConfig | null;
  readonly logger: Logger;
  /** Where command output goes; default stdout. */
  readonly out?: (line: string) => void;
  /** The reader's language (default English). */
  readonly words?: PushCommandWords;
  /** Releases what the context opened (HTTP pools). */
  close?(): Promise<void>;
}

export interface SubscribeCommandOptions {
  /** Overrides WEBHOOK_URL. */
  readonly url?: string;
  /** Only subscribe when something is missing (what `run` does); default subscribes again (new token, passBack). */
  readonly ifMissing?: boolean;
}

function eventDestOf(ctx: PushCommandContext, override: string | undefined): string {
  const dest = override ?? ctx.push?.publicUrl ?? null;
  const w = ctx.words ?? PUSH_WORDS_EN;
  if (dest === null) throw new ConfigurationError(w.noUrl, { code: 'WEBHOOK_URL_MISSING', hint: w.noUrlHint });
  return dest;
}

function tokenOf(ctx: PushCommandContext): string {
  const w = ctx.words ?? PUSH_WORDS_EN;
  if (!ctx.push) throw new ConfigurationError(w.noToken, { code: 'WEBHOOK_TOKEN_MISSING', hint: w.noTokenHint });
  return ctx.push.token;
}

function describeTypes(types: readonly number[], w: PushCommandWords = PUSH_WORDS_EN): string {
  return types.length === 0 ? w.none : [...types].sort((a, b) => a - b).join(', ');
}

/** `hik2humand subscribe`: makes HikCentral push the access-granted events to WEBHOOK_URL with WEBHOOK_TOKEN. */
export async function subscribeCommand(ctx: PushCommandContext, options: SubscribeCommandOptions = {}): Promise<EnsureResult> {
  const out = ctx.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const eventDest = eventDestOf(ctx, options.url);
  const result = await ensureSubscription({
    client: ctx.client,
    eventTypes: ctx.eventTypes,
    eventDest,
    token: tokenOf(ctx),
    ...(ctx.push?.passBack !== undefined ? { passBack: ctx.push.passBack } : {}),
    force: options.ifMissing !== true,
    logger: ctx.logger,
  });
  const w = ctx.words ?? PUSH_WORDS_EN;
  out(result.action === 'unchanged' ? w.alreadyInPlace(result.covered.length, eventDest) : w.subscribed(result.covered.length, eventDest));
  if (result.redirected.length > 0) out(w.moved(describeTypes(result.redirected, w)));
  if (result.extra.length > 0) out(w.alsoSentHere(describeTypes(result.extra, w)));
  return result;
}

/** `hik2humand unsubscribe`: stops the pushes (the configured event types unless told which). */
export async function unsubscribeCommand(ctx: PushCommandContext, options: { readonly eventTypes?: readonly number[] } = {}): Promise<number[]> {
  const out = ctx.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const types = [...new Set(options.eventTypes ?? ctx.eventTypes)];
  await removeSubscription(ctx.client, types, ctx.logger);
  const w = ctx.words ?? PUSH_WORDS_EN;
  out(w.unsubscribed(describeTypes(types, w)));
  return types;
}

/** `hik2humand subscriptions`: what HikCentral pushes where, ours marked. */
export async function subscriptionsCommand(ctx: PushCommandContext, options: { readonly json?: boolean } = {}): Promise<ListedSubscription[]> {
  const out = ctx.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const ours = ctx.push?.publicUrl ?? null;
  const listed = await listSubscriptions(ctx.client, ours);
  if (options.json) {
    out(JSON.stringify(listed, null, 2));
    return listed;
  }
  const w = ctx.words ?? PUSH_WORDS_EN;
  if (listed.length === 0) out(w.noSubscriptions);
  // eventDest comes from HikCentral as stored there: shown, never interpreted by the terminal.
  for (const entry of listed) out(printable(`${entry.ours ? '* ' : '  '}${entry.eventDest}  [${describeTypes(entry.eventTypes, w)}]`));
  if (ours !== null) {
    const covered = new Set(listed.filter((entry) => entry.ours).flatMap((entry) => entry.eventTypes));
    const missing = ctx.eventTypes.filter((type) => !covered.has(type));
    out(missing.length === 0 ? w.legendComplete(ours) : w.legendMissing(ours, describeTypes(missing, w)));
  }
  return listed;
}

function parseEventTypes(text: string, w: PushCommandWords): number[] {
  const types = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map(Number);
  if (types.length === 0 || types.some((type) => !Number.isInteger(type) || type <= 0)) {
    throw new ConfigurationError(w.badEventTypes(text), {
      code: 'BAD_EVENT_TYPES',
      hint: 'e.g. --event-types 196893,198914',
    });
  }
  return types;
}

async function withContext<T>(getContext: () => Promise<PushCommandContext>, run: (ctx: PushCommandContext) => Promise<T>): Promise<T> {
  const ctx = await getContext();
  try {
    return await run(ctx);
  } finally {
    await ctx.close?.();
  }
}

/** Adds `subscribe`, `unsubscribe` and `subscriptions` to a commander program. Errors propagate (typed, with hints) to the program's handler. */
export function registerPushCommands(program: Command, getContext: () => Promise<PushCommandContext>): void {
  program
    .command('subscribe')
    .description('make HikCentral push access-granted events to this receiver (WEBHOOK_URL, WEBHOOK_TOKEN)')
    .option('--url <eventDest>', 'address HikCentral should push to (default WEBHOOK_URL)')
    .option('--if-missing', 'only subscribe when HikCentral lacks the subscription (default: subscribe again, e.g. after a token change)')
    .action(async (opts: { url?: string; ifMissing?: boolean }) => {
      await withContext(getContext, (ctx) => subscribeCommand(ctx, { ...(opts.url ? { url: opts.url } : {}), ifMissing: opts.ifMissing === true }));
    });
  program
    .command('unsubscribe')
    .description('stop HikCentral pushing events (the access-granted event types unless --event-types)')
    .option('--event-types <codes>', 'comma-separated event codes to unsubscribe')
    .action(async (opts: { eventTypes?: string }) => {
      await withContext(getContext, (ctx) => {
        const eventTypes = opts.eventTypes === undefined ? undefined : parseEventTypes(opts.eventTypes, ctx.words ?? PUSH_WORDS_EN);
        return unsubscribeCommand(ctx, eventTypes ? { eventTypes } : {});
      });
    });
  program
    .command('subscriptions')
    .description("show HikCentral's event subscriptions (this receiver's marked *)")
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withContext(getContext, (ctx) => subscriptionsCommand(ctx, { json: opts.json === true }));
    });
}
