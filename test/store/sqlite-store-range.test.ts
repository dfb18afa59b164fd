import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteLedgerStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeLedgerStoreRangeContract } from './ledger-store-contract-range.js';

describeLedgerStoreRangeContract('SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-range-'));
  const file = path.join(dir, 'ledger.db');
  return {
    open: async () => SqliteLedgerStore.open({ path: file }),
    reopen: async (store) => {
      await store.close();
      return SqliteLedgerStore.open({ path: file });
    },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});
