import type { z } from 'zod';
import type { HumandFailure } from '../domain/humand.js';
import { redactText } from '../logging/redact.js';

/** A request refused before sending: the caller passed something Humand would reject as malformed. */
export const LOCAL_VALIDATION_CODE = 'LOCAL_VALIDATION';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** A 400/404 (or a rule-like 400) on a read: this tenant does not serve that path. */
export function isRefusedReadPath(failure: HumandFailure): boolean {
  return failure.kind === 'bad-request' || failure.kind === 'not-found' || failure.kind === 'rejected-by-rule';
}

export function localRejection(message: string): { readonly ok: false; readonly failure: HumandFailure; readonly rateLimit: null } {
  return { ok: false, failure: { kind: 'bad-request', status: 0, code: LOCAL_VALIDATION_CODE, message: `not sent: ${message}` }, rateLimit: null };
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function issuePaths(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

/** Humand might echo the Authorization header in an error message; it must not travel further. */
export function redactFailure(failure: HumandFailure): HumandFailure {
  return { ...failure, message: redactText(failure.message) };
}
