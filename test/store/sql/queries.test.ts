import { describe, expect, it } from 'vitest';
import { postgresDialect, SQLITE, tablesNamed, type SqlDialect, type Statement } from '../../../src/store/sql/dialect.js';
import * as q from '../../../src/store/sql/queries.js';

const PG = postgresDialect(tablesNamed('"ledger".'));

/** Every shared statement, built the same way for both ledgers. */
function statements(d: SqlDialect): Record<string, Statement> {
  const update = { id: 7, outcome: 'queued' as const, reason: 'r', employeeId: 'e1', reconcileNeeded: true, expectedOutcome: 'received' as const };
  return {
    punchById: q.punchById(d, 1),
    findAll: q.findPunches(d, {}),
    findEverything: q.findPunches(d, {
      employeeId: 'e1',
      date: '2026-01-27',
      door: 'Entrada',
      personId: 'p1',
      outcome: ['queued', 'held'],
      ids: [1, 2, 3],
      order: 'desc',
      limit: 5,
    }),
    findNoOutcome: q.findPunches(d, { outcome: [] }),
    updatePunch: q.updatePunch(d, update, 1_000),
    punchExists: q.punchExists(d, 1),
    insertAttempt: q.insertAttempt(d, {
      punchId: 1,
      atMs: 2,
      kind: 'clock',
      method: 'POST',
      path: '/x',
      requestBody: { a: 1 },
      status: 201,
      result: 'accepted',
      message: null,
    }),
    attemptsOfMany: q.attemptsOfMany(d, [1, 2]),
    employeePunches: q.employeePunches(d, 'e1', 1, 2, ['delivered']),
    countsAll: q.countsByOutcome(d),
    countsOfDay: q.countsByOutcome(d, '2026-01-27'),
    oldest: q.oldest(d, 'received_ms', ['queued']),
    resetOutcome: q.resetOutcome(d, 'sending', 'queued', null, 3),
    setCursor: q.setCursor(d, 'poll', 1, 2),
    setMeta: q.setMeta(d, 'k', 'v'),
    deleteMeta: q.setMeta(d, 'k', null),
    usersByField: q.usersByField(d, 'legajo', '42'),
    punchPage: q.punchPage(d, { from: '2026-01-01', to: '2026-01-31', employeeIds: ['e1'], door: 'x', excludeOutcomes: ['ignored'], limit: 50, offset: 100 }),
    punchPeople: q.punchPeople(d, { from: '2026-01-01', to: '2026-01-31' }),
  };
}

function placeholders(d: SqlDialect, sql: string): number {
  if (d === SQLITE) return (sql.match(/\?/g) ?? []).length;
  return Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
}

describe('the SQL both ledgers run, written once over a dialect', () => {
  it.each([
    ['SQLite', SQLITE],
    ['PostgreSQL', PG],
  ] as const)('%s: every statement has exactly one parameter per placeholder', (_name, d) => {
    for (const [name, statement] of Object.entries(statements(d))) expect(placeholders(d, statement.sql), name).toBe(statement.params.length);
  });

  it('gives both ledgers the same parameters in the same order, differing only where the dialect says', () => {
    const sqlite = statements(SQLITE);
    const pg = statements(PG);
    // Lists are one array parameter in PostgreSQL and one parameter per value in SQLite; all else is equal.
    expect(pg.updatePunch!.params).toEqual([...sqlite.updatePunch!.params.slice(0, 4), true, ...sqlite.updatePunch!.params.slice(5)]);
    expect(sqlite.updatePunch!.params[4]).toBe(1);
    expect(pg.findEverything!.params).toEqual([
      'e1',
      'e1',
      '2026-01-27',
      '2026-01-27',
      'Entrada',
      'Entrada',
      'Entrada',
      'Entrada',
      'p1',
      ['queued', 'held'],
      [1, 2, 3],
      5,
    ]);
    expect(sqlite.findEverything!.params).toEqual([
      'e1',
      'e1',
      '2026-01-27',
      '2026-01-27',
      'Entrada',
      'Entrada',
      'Entrada',
      'Entrada',
      'p1',
      'queued',
      'held',
      1,
      2,
      3,
      5,
    ]);
    expect(pg.findEverything!.sql).toContain('ORDER BY event_ms DESC NULLS LAST, id DESC');
    expect(sqlite.findEverything!.sql).toContain('ORDER BY event_ms DESC, id DESC');
    expect(pg.punchById!.sql).toContain('FROM "ledger".punches');
  });

  it('matches nothing for an empty list of outcomes, in both', () => {
    expect(statements(SQLITE).findNoOutcome!.sql).toContain('outcome IN (NULL)');
    expect(statements(PG).findNoOutcome!.params).toEqual([[], 1000]);
  });
});
