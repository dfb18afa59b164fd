import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeLedgerStoreExtraContract } from './ledger-store-contract-extra.js';

describeLedgerStoreExtraContract(
  'SQLite',
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-extra-'));
    const file = path.join(dir, 'ledger.db');
    return {
      open: async () => SqliteLedgerStore.open({ path: file }),
      reopen: async (store) => {
        await store.close();
        return SqliteLedgerStore.open({ path: file });
      },
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  },
  // One process owns a SQLite file: its lease is always granted.
  { sharedLease: false },
);
