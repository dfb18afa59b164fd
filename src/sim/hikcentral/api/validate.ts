import type { z } from 'zod';
import { failure, SIM_CODES, type Envelope } from '../codes.js';

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly envelope: Envelope };

/**
 * Validates a request body: an absent required field → 0x00072001 (the platform's "parameter
 * missing"), anything else wrong → the simulator's "parameter invalid" code.
 */
export function validateBody<S extends z.ZodType>(schema: S, body: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const name = path.length === 0 ? 'body' : path.map(String).join('.');
  if (path.length > 0 && issue?.code === 'invalid_type' && valueAt(body, path) === undefined) {
    return { ok: false, envelope: failure(SIM_CODES.parameterMissing, `Parameter ${name} is required`) };
  }
  return { ok: false, envelope: failure(SIM_CODES.parameterInvalid, `Parameter ${name} is invalid: ${issue?.message ?? 'bad value'}`) };
}

export function invalid(message: string): Validated<never> {
  return { ok: false, envelope: failure(SIM_CODES.parameterInvalid, message) };
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export interface Page<T> {
  readonly total: number;
  readonly pageNo: number;
  readonly pageSize: number;
  readonly list: T[];
}

export function paginate<T, R>(items: readonly T[], pageNo: number, pageSize: number, toRecord: (item: T) => R): Page<R> {
  const from = (pageNo - 1) * pageSize;
  return { total: items.length, pageNo, pageSize, list: items.slice(from, from + pageSize).map(toRecord) };
}
