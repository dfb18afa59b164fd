export { createApp } from './create-app.js';
export type * from './types.js';
export type { PipelineEvent, PipelineEventListener } from '../pipeline/events.js';
export type { PauseState } from '../pipeline/delivery/engine.js';
export type { MappingRefresh } from '../pipeline/mapping-directory.js';
export type { EvaluationSummary } from '../pipeline/evaluator.js';
export type { ScanSummary } from '../pipeline/poller.js';
