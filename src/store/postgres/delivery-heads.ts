import type { Tables } from '../sql/dialect.js';

const AWAITING = `('queued','held','sending')`;

/**
 * The first awaiting punch of every employee, in delivery order. A loose scan of the partial
 * index punches_awaiting_by_employee (migration 2): hop from one awaiting employee to the next,
 * then take that employee's first punch. O(employees · log n), where DISTINCT ON would read
 * every awaiting row.
 */
export function deliveryHeadsSql(t: Tables): string {
  return `WITH RECURSIVE employees(employee_id) AS (
           SELECT MIN(employee_id) FROM ${t.punches} WHERE outcome IN ${AWAITING} AND employee_id IS NOT NULL
           UNION ALL
           SELECT (SELECT MIN(q.employee_id) FROM ${t.punches} q
                   WHERE q.outcome IN ${AWAITING} AND q.employee_id IS NOT NULL AND q.employee_id > e.employee_id)
           FROM employees e WHERE e.employee_id IS NOT NULL
         )
         SELECT h.* FROM employees e CROSS JOIN LATERAL (
           SELECT * FROM ${t.punches} p
           WHERE p.outcome IN ${AWAITING} AND p.employee_id IS NOT NULL AND p.employee_id = e.employee_id
           ORDER BY p.event_ms ASC NULLS FIRST, p.id LIMIT 1
         ) h ORDER BY h.event_ms ASC NULLS FIRST, h.id`;
}
