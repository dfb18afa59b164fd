import fs from 'node:fs';
import { PG_MIGRATIONS } from '../store/postgres/migrations.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';

export function packageVersion(): string {
  try {
    // src/cli/ and dist/cli/ both sit two levels below the package root.
    const text = fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The newest ledger schema this code writes (and the newest it will open), per store. */
export function schemaVersions(): { readonly sqlite: number; readonly postgres: number } {
  const latest = (versions: readonly { version: number }[]) => Math.max(0, ...versions.map((m) => m.version));
  return { sqlite: latest(MIGRATIONS), postgres: latest(PG_MIGRATIONS) };
}

/** `hik2humand --version`: the code's version and the ledger schema it expects, for upgrade notes and support. */
export function versionText(): string {
  const schema = schemaVersions();
  return `hik2humand ${packageVersion()} (ledger schema: SQLite ${schema.sqlite}, PostgreSQL ${schema.postgres}; Node ${process.version})`;
}
