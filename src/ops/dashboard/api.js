// @ts-check
/* global fetch */
/** Who is logged in (/api/me): the HR login reads every page, its action buttons are not shown. */
export const session = { role: 'admin', readOnly: false };

export async function api(path, init) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin', ...init });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}
