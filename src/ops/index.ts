export { startAdminServer, type AdminServer, type AdminServerOptions, type AlertStatusSource } from './admin-server.js';
export { createOpsMetrics, type OpsMetrics } from './metrics.js';
export { parseAdminSettings, type AdminSettings } from './settings.js';
export { opsDataSourceFromApp } from './app-data-source.js';
export { ledgerDataSource, type RuntimeFacts } from './ledger-data-source.js';
export { startOps, type Ops, type StartOpsOptions } from './start-ops.js';
export type { AdminAuth } from './auth.js';
export type * from './data-source.js';
