/**
 * Every `code` along an error's cause chain, and in an AggregateError's `errors` (undici and
 * Node wrap socket, DNS and TLS errors several levels deep), outermost first. A timeout or
 * abort without a code is named `ETIMEDOUT` / `ABORTED`.
 */
export function errorCodesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 5) return [];
  const codes: string[] = [];
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  if (error.name === 'TimeoutError') codes.push('ETIMEDOUT');
  if (error.name === 'AbortError') codes.push('ABORTED');
  const nested = (error as Error & { errors?: unknown }).errors;
  if (Array.isArray(nested)) codes.push(...nested.flatMap((inner: unknown) => errorCodesOf(inner, depth + 1)));
  return [...codes, ...errorCodesOf(error.cause, depth + 1)];
}
