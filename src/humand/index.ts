export { HumandClient, type HumandProbeResult, type HumandProbeStatus } from './client.js';
export { DEFAULT_HUMAND_BASE_URL, HUMAND_API_PREFIX, HUMAND_MAX_PAGE_SIZE, normaliseBaseUrl, type HumandClientOptions } from './options.js';
export { formatHumandTime, isHumandTime } from './time-format.js';
export { parseRateLimitHeaders, parseRetryAfterMs, type HeaderBag } from './rate-limit-headers.js';
export { classifyHumandFailure, isBusinessRuleRejection, DEFAULT_RATE_LIMIT_WAIT_MS, type FailedAnswer } from './classify-failure.js';
export { humandFailureToError } from './failure-to-error.js';
