import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../cli/support/cli-process.js';
import { item, makeEvent } from '../store/make-event.js';

let dir: string;
let ledger: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-backup-'));
  ledger = path.join(dir, 'ledger.db');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function eventsAt(count: number, firstSecond: number) {
  return Array.from({ length: count }, (_, i) =>
    item(makeEvent({ personId: `person-${i % 7}`, eventTime: new Date(Date.parse('2026-01-27T11:00:00Z') + (firstSecond + i) * 1000).toISOString() })),
  );
}

describe('hik2humand backup', () => {
  it('copies the ledger while another connection holds it open with uncheckpointed writes, and the copy opens with every punch', async () => {
    const store = SqliteLedgerStore.open({ path: ledger });
    try {
      // The store keeps its connection open, so recent pages may sit in the WAL: a copy of ledger.db alone could miss them.
      await store.ingest(eventsAt(500, 0), 'poll', Date.now());
      const backup = path.join(dir, 'backups', 'copy.db');
      const result = await runCli(['backup', backup, '--json'], { cwd: dir, env: { DATABASE_PATH: ledger } });
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { punches: number; schemaVersion: number; file: string };
      expect(report).toMatchObject({ punches: 500, file: backup });

      const copy = SqliteLedgerStore.open({ path: backup });
      try {
        expect(copy.schemaVersions().at(-1)).toBe(report.schemaVersion);
        expect((await copy.countsByOutcome()).received).toBe(500);
      } finally {
        await copy.close();
      }
      // The original kept working during and after the copy.
      await store.ingest(eventsAt(3, 1000), 'poll', Date.now());
      expect((await store.countsByOutcome()).received).toBe(503);
    } finally {
      await store.close();
    }
  });

  it('does not overwrite an existing file unless --force, nor copy a ledger that is not there', async () => {
    await SqliteLedgerStore.open({ path: ledger }).close();
    const target = path.join(dir, 'exists.db');
    fs.writeFileSync(target, 'keep me');
    const refused = await runCli(['backup', target], { cwd: dir, env: { DATABASE_PATH: ledger } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists[\s\S]*--force/);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');

    const forced = await runCli(['backup', target, '--force'], { cwd: dir, env: { DATABASE_PATH: ledger } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/schema version \d+, 0 punches, checked/);
    const spanish = await runCli(['backup', target, '--force'], { cwd: dir, env: { DATABASE_PATH: ledger, HIK2HUMAND_LANG: 'es' } });
    expect(spanish.stdout).toMatch(/^Copia de .+ → .+: [\d.]+ MB, esquema versión \d+, 0 fichadas, verificada \(\d+ ms\)\.$/m);

    const missing = await runCli(['backup', path.join(dir, 'x.db')], { cwd: dir, env: { DATABASE_PATH: path.join(dir, 'nope.db') } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no ledger at/);
  });

  it('for a PostgreSQL ledger, says how to use pg_dump (and copies nothing)', async () => {
    const result = await runCli(['backup', 'ledger.dump'], {
      cwd: dir,
      env: { DATABASE_URL: 'postgres://hik:s3cret-pw@db.local:5432/hik', DATABASE_SCHEMA: 'site_a' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pg_dump --format=custom --schema=site_a --file=ledger\.dump "\$DATABASE_URL"/);
    expect(result.stderr).not.toContain('s3cret-pw');
    expect(fs.existsSync(path.join(dir, 'ledger.dump'))).toBe(false);
  });
});
