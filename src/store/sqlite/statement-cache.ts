import type { Database, Statement as Prepared } from 'better-sqlite3';
import type { Statement } from '../sql/dialect.js';

/** Prepared statements by their text, and the shared queries run through them. */
export class StatementCache {
  private readonly statements = new Map<string, Prepared>();

  constructor(private readonly db: Database) {}

  prepared(sql: string): Prepared {
    let statement = this.statements.get(sql);
    if (!statement) {
      // Statements with lists of values vary in text; the cache is bounded, not a leak.
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(statement: Statement): T[] {
    return this.prepared(statement.sql).all(...statement.params) as T[];
  }

  get<T>(statement: Statement): T | undefined {
    return this.prepared(statement.sql).get(...statement.params) as T | undefined;
  }

  /** Rows changed. */
  exec(statement: Statement): number {
    return this.prepared(statement.sql).run(...statement.params).changes;
  }
}
