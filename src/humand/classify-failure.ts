import type { HumandFailure, RateLimitInfo } from '../domain/humand.js';

/** What we know about an HTTP answer that was not a success. */
export interface FailedAnswer {
  readonly status: number;
  /** The body parsed as JSON, or null when it was empty or not JSON. */
  readonly json: unknown;
  /** The raw body text (used as the message when the body is not Humand's error shape). */
  readonly text: string;
  readonly retryAfterMs: number | null;
  readonly rateLimit: RateLimitInfo | null;
}

/** When a 429 says nothing about how long to wait: one full documented window. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Codes that only a business-rule rejection would carry. Humand does not document them (its
 * spec lists only INVALID_DATA for 400), so this is a net for plausible spellings.
 */
const RULE_CODE_PATTERN =
  /ENTRY|ENTRIES|CLOCK|TIME_?TRACKING|FUTURE|DUPLICATE|ALTERNAT|CONSECUTIVE|ALREADY|OPEN_?DAY|NO_?OPEN|USER_NOT_FOUND|EMPLOYEE|INACTIVE|DEACTIVATED|NOT_ACTIVE/;

/** Generic codes that say nothing about the reason: the message decides. */
const GENERIC_CODES = new Set(['INVALID_DATA', 'VALIDATION_ERROR', 'BAD_REQUEST', 'UNPROCESSABLE_ENTITY']);

/** Messages (English and Spanish) that describe a time-tracking rule rather than malformed input. */
const RULE_MESSAGE_PATTERNS: readonly RegExp[] = [
  // alternation / duplicates
  /consecutive|alternat|same type|twice|in a row|duplicat|already (been )?(clocked|started|ended|closed|open|exists|registered)/i,
  // "the employee already has an open clock-in for this day", "open clock-in already exists"
  /already (has|had|have) (an? )?(open|active|ongoing|started|existing)?\s*(clock.?in|clock.?out|start|entry|shift|day|time.?tracking)|\b(open|active) (clock.?in|shift|workday|work day) (already|exists|for this day|for today|on this day)|already (in|inside|working|checked.?in)/i,
  // END without an open START
  /without (an? )?(open|previous|prior|active) (start|clock.?in|entry|day)|no (open|active) (start|clock.?in|entry|day)|not clocked in|must clock in first|\b(end|clock.?out)s? without (an? )?(start|clock.?in)\b|\b(there is|has|have) (already )?an? (open|active) (clock.?in|start|entry|shift)/i,
  // future entries
  /\bfuture\b|\bfutur[oa]\b/i,
  // unknown or inactive employee
  /\b(employee|user|usuario|empleado|colaborador)s?\b.*\b(not found|unknown|does not exist|doesn't exist|inactive|deactivated|disabled|not active|no existe|inactivo|desactivado)\b/i,
  /\b(unknown|inactive|deactivated|disabled) (employee|user)\b/i,
  // Spanish phrasings of the above
  /\bya (existe|registr|fich|marc)|no se puede (fichar|marcar|registrar)|sin (una )?(entrada|marcaci[oó]n) (abierta|previa)|dos (entradas|salidas|marcaciones)/i,
  // "ya tiene una entrada abierta", "el empleado tiene una entrada abierta para este día", "salida sin entrada"
  /\bya tiene (una )?(entrada|jornada|marcaci[oó]n|fichada|fichaje)|\b(entrada|jornada|marcaci[oó]n) (abierta|en curso|sin cerrar)|\bsalida sin (una )?(entrada|inicio)|\bno (tiene|hay) (una )?(entrada|jornada) (abierta|iniciada|en curso)|\bduplicad[oa]/i,
];

/**
 * THE classification of a failed Humand answer. Every non-2xx answer goes through here and
 * nowhere else decides what a failure means. See docs/humand.md for the table.
 */
export function classifyHumandFailure(answer: FailedAnswer): HumandFailure {
  const { status } = answer;
  const { code, message } = describeBody(answer);

  if (status === 401) return { kind: 'unauthorised', status: 401, code, message };
  if (status === 403) return { kind: 'forbidden', status: 403, code, message };
  if (status === 404) return { kind: 'not-found', status: 404, code, message };
  if (status === 429) {
    const fromReset = answer.rateLimit?.resetSeconds;
    const retryAfterMs = answer.retryAfterMs ?? (fromReset === null || fromReset === undefined ? null : Math.ceil(fromReset * 1000));
    return { kind: 'rate-limited', status: 429, retryAfterMs: retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, message };
  }
  if (status >= 500 || status === 408 || status < 200 || (status >= 300 && status < 400)) {
    return { kind: 'transient', status, message };
  }
  // 422 is how older Humand notes say rule rejections come back; 409 can only mean "already there".
  if (status === 422 || status === 409) return { kind: 'rejected-by-rule', status, code, message };
  if (status === 400 && isBusinessRuleRejection(code, message)) {
    return { kind: 'rejected-by-rule', status, code, message };
  }
  return { kind: 'bad-request', status, code, message };
}

/** A 400 is a rule rejection when its code says so, or when a generic/unknown code carries a rule message. */
export function isBusinessRuleRejection(code: string | null, message: string): boolean {
  if (code !== null && !GENERIC_CODES.has(code.toUpperCase()) && RULE_CODE_PATTERN.test(code.toUpperCase())) {
    return true;
  }
  return RULE_MESSAGE_PATTERNS.some((pattern) => pattern.test(message));
}

/** Humand's `{message, code, metadata}`; tolerant of other shapes, empty bodies and HTML. */
function describeBody(answer: FailedAnswer): { code: string | null; message: string } {
  const json = answer.json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const record = json as Record<string, unknown>;
    const code = firstString(record.code, record.errorCode, record.error_code);
    const message = firstString(
      record.message,
      record.error_description,
      record.detail,
      typeof record.error === 'string' ? record.error : undefined,
      firstErrorMessage(record.errors),
    );
    if (message !== null || code !== null) {
      return { code, message: message ?? code ?? `HTTP ${answer.status}` };
    }
  }
  if (typeof json === 'string' && json.trim() !== '') return { code: null, message: truncate(json.trim()) };
  const text = answer.text.trim();
  return { code: null, message: text === '' ? `HTTP ${answer.status} with an empty body` : `HTTP ${answer.status}: ${truncate(text)}` };
}

function firstErrorMessage(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  if (typeof first === 'string') return first;
  if (first !== null && typeof first === 'object' && typeof (first as { message?: unknown }).message === 'string') {
    return (first as { message: string }).message;
  }
  return undefined;
}

function firstString(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

function truncate(text: string): string {
  const singleLine = text.replace(/\s+/g, ' ');
  return singleLine.length > 300 ? `${singleLine.slice(0, 300)}…` : singleLine;
}
