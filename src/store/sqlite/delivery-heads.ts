/** The first awaiting punch of every employee, in delivery order (the delivery engine's next turn). */
const AWAITING = `('queued','held','sending')`;

/**
 * A loose scan of the partial index `punches_awaiting_by_employee` (migration 2): hop from one
 * awaiting employee to the next, then take that employee's first entry in (event_ms, id) order
 * — NULL instants first, as SQLite sorts. Costs O(employees · log n), not a sort of the backlog.
 * Every subquery repeats the index's WHERE (so SQLite may use it) and names it: without
 * statistics the planner would pick punches_by_outcome and read every awaiting row.
 */
export const DELIVERY_HEADS = `
  WITH RECURSIVE employees(employee_id) AS (
    SELECT MIN(employee_id) FROM punches INDEXED BY punches_awaiting_by_employee WHERE outcome IN ${AWAITING} AND employee_id IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(q.employee_id) FROM punches q INDEXED BY punches_awaiting_by_employee
            WHERE q.outcome IN ${AWAITING} AND q.employee_id IS NOT NULL AND q.employee_id > e.employee_id)
    FROM employees e WHERE e.employee_id IS NOT NULL
  )
  SELECT p.* FROM employees e JOIN punches p ON p.id = (
    SELECT h.id FROM punches h INDEXED BY punches_awaiting_by_employee
    WHERE h.outcome IN ${AWAITING} AND h.employee_id IS NOT NULL AND h.employee_id = e.employee_id
    ORDER BY h.event_ms, h.id LIMIT 1)
  ORDER BY p.event_ms, p.id`;
