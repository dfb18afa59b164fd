import { readFile } from 'node:fs/promises';

export interface DashboardAssets {
  /** index.html with `{{lang}}` still to be filled per request. */
  readonly page: string;
  readonly files: ReadonlyMap<string, { readonly body: string; readonly type: string }>;
}

const FILES: readonly [string, string][] = [
  ['app.js', 'text/javascript; charset=utf-8'],
  ['api.js', 'text/javascript; charset=utf-8'],
  ['widgets.js', 'text/javascript; charset=utf-8'],
  ['render-into.js', 'text/javascript; charset=utf-8'],
  ['overview-page.js', 'text/javascript; charset=utf-8'],
  ['punches-page.js', 'text/javascript; charset=utf-8'],
  ['problems-page.js', 'text/javascript; charset=utf-8'],
  ['coverage-page.js', 'text/javascript; charset=utf-8'],
  ['i18n.js', 'text/javascript; charset=utf-8'],
  ['i18n-en.js', 'text/javascript; charset=utf-8'],
  ['i18n-es.js', 'text/javascript; charset=utf-8'],
  ['dom.js', 'text/javascript; charset=utf-8'],
  ['reasons.js', 'text/javascript; charset=utf-8'],
  ['format.js', 'text/javascript; charset=utf-8'],
  ['i18n-hr.js', 'text/javascript; charset=utf-8'],
  ['attendance.js', 'text/javascript; charset=utf-8'],
  ['charts.js', 'text/javascript; charset=utf-8'],
  ['style.css', 'text/css; charset=utf-8'],
];

/** The dashboard is plain files next to this module (no build step); read once at start. */
export async function loadDashboardAssets(): Promise<DashboardAssets> {
  const dir = new URL('./dashboard/', import.meta.url);
  const page = await readFile(new URL('index.html', dir), 'utf8');
  const files = new Map<string, { body: string; type: string }>();
  for (const [name, type] of FILES) files.set(name, { body: await readFile(new URL(name, dir), 'utf8'), type });
  return { page, files };
}

/** `es` when the browser prefers Spanish, else `en`. */
export function preferredLanguage(acceptLanguage: string | undefined): 'en' | 'es' {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('es')) return 'es';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
