import type { HikCentralClient } from '../hikcentral/client.js';
import type { UnreadableInputLog } from '../ingest-guard/unreadable-inputs.js';
import type { IsapiPolling } from '../isapi/polling.js';
import type { DeliveryEngine } from '../pipeline/delivery/engine.js';
import type { RateBudget } from '../pipeline/delivery/rate-budget.js';
import type { Evaluator } from '../pipeline/evaluator.js';
import type { Ingestor } from '../pipeline/ingestor.js';
import type { MappingDirectory } from '../pipeline/mapping-directory.js';
import type { Poller } from '../pipeline/poller.js';

/** What the composition root builds and the App works with; null where a side is not configured. */
export interface AppParts {
  readonly budget: RateBudget;
  readonly mappings: MappingDirectory | null;
  readonly evaluator: Evaluator | null;
  readonly engine: DeliveryEngine | null;
  readonly ingestor: Ingestor;
  readonly poller: Poller | null;
  /** Hikvision terminals read directly (ISAPI), beside or instead of HikCentral. */
  readonly isapi: IsapiPolling | null;
  /** The HikCentral client this App created, if any; push subscriptions share its connection pool. */
  readonly hikCentral: HikCentralClient | null;
  /** HTTP clients this App created (their connection pools), closed by close(). */
  readonly ownedClients: readonly { close(): Promise<void> }[];
  readonly unreadable: UnreadableInputLog;
}
