import { PostgresLedgerStore } from '../../../src/store/postgres/postgres-store.js';
import { describeLedgerStoreRangeContract } from '../ledger-store-contract-range.js';
import { describeWithPostgres, dropSchema, findTestDatabase, freshSchemaName } from './pg-test-db.js';

const database = await findTestDatabase();

describeWithPostgres('PostgreSQL ledger (range reads)', database, (url) => {
  describeLedgerStoreRangeContract('PostgreSQL', () => {
    const schema = freshSchemaName('range');
    return {
      open: () => PostgresLedgerStore.open({ connectionString: url, schema }),
      reopen: async (store) => {
        await store.close();
        return PostgresLedgerStore.open({ connectionString: url, schema });
      },
      cleanup: () => dropSchema(url, schema),
    };
  });
});
