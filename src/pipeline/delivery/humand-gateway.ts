import { TransientError } from '../../domain/errors.js';
import type { ClockRequest, EntryType, HumandDay, HumandResult, HumandUser, TimeTrackingEntry } from '../../domain/humand.js';
import type { TimeTrackingPort } from '../../domain/ports.js';
import type { PipelineEvents } from '../events.js';
import type { RateBudget, RequestPriority } from './rate-budget.js';

type Operation = 'clock' | 'list-entries' | 'read-days' | 'list-users' | 'get-user';

/** A request that was never sent: the instance lost the delivery lease while it waited for the budget. */
export class NotSentError extends TransientError {
  constructor(message: string) {
    super(message, { code: 'DELIVERY_FENCED', hint: 'Another instance delivers now; nothing was sent twice.' });
  }
}

/**
 * Every Humand call of the pipeline goes through here: it waits for the shared rate budget
 * (by priority), feeds the budget from the answer's headers, and reports the answer.
 * A stop signal cancels the wait for budget, never a request already sent: on a graceful
 * stop an in-flight POST gets its answer (bounded by the request timeout), so the punch ends
 * `delivered` rather than "answer unknown".
 */
export class HumandGateway {
  constructor(
    private readonly port: TimeTrackingPort,
    private readonly budget: RateBudget,
    private readonly events: PipelineEvents,
  ) {}

  private async call<T>(
    operation: Operation,
    priority: RequestPriority,
    cost: number,
    signal: AbortSignal | undefined,
    fn: () => Promise<HumandResult<T>>,
    beforeSend?: () => Promise<boolean>,
  ): Promise<HumandResult<T>> {
    const permit = await this.budget.acquire(priority, signal, cost);
    let result: HumandResult<T>;
    try {
      // The last word before the request leaves, after however long the permit took.
      if (beforeSend !== undefined && !(await beforeSend())) throw new NotSentError(`${operation} not sent: this instance no longer holds the delivery lease`);
      result = await fn();
    } catch (error) {
      permit.complete(null);
      throw error;
    }
    const retryAfterMs = !result.ok && result.failure.kind === 'rate-limited' ? result.failure.retryAfterMs : null;
    permit.complete(result.rateLimit, retryAfterMs);
    this.events.emit({
      type: 'humand-response',
      operation,
      result: result.ok ? 'ok' : result.failure.kind,
      status: result.ok ? result.status : result.failure.status,
      rateLimit: result.rateLimit,
      message: result.ok ? null : result.failure.message,
    });
    return result;
  }

  /** `beforeSend` runs once the rate permit is granted; false sends nothing and throws NotSentError. */
  clock(
    type: EntryType,
    request: ClockRequest,
    priority: RequestPriority,
    signal?: AbortSignal,
    beforeSend?: () => Promise<boolean>,
  ): Promise<HumandResult<TimeTrackingEntry>> {
    return this.call('clock', priority, 1, signal, () => this.port.clock(type, request), beforeSend);
  }

  listEntries(
    employeeId: string,
    startDate: string,
    endDate: string,
    priority: RequestPriority,
    signal?: AbortSignal,
  ): Promise<HumandResult<TimeTrackingEntry[]>> {
    return this.call('list-entries', priority, 1, signal, () => this.port.listEntries(employeeId, startDate, endDate));
  }

  /** Employees' days from every source (day summaries, or entries per employee where a tenant refuses them). */
  readDays(
    employeeIds: readonly string[],
    startDate: string,
    endDate: string,
    priority: RequestPriority,
    signal?: AbortSignal,
  ): Promise<HumandResult<HumandDay[]>> {
    return this.call('read-days', priority, 1, signal, () => this.port.readDays(employeeIds, startDate, endDate));
  }

  /** How many employees one day read covers over `days` dates, at the cost of one request. */
  employeesPerDaysRead(days: number): number {
    return this.port.employeesPerDaysRead?.(days) ?? 1;
  }

  /** `expectedUsers` sizes the reservation: one request per page of 50, plus the short last page. */
  listUsers(expectedUsers: number, signal?: AbortSignal): Promise<HumandResult<HumandUser[]>> {
    const pages = Math.floor(Math.max(0, expectedUsers) / 50) + 1;
    return this.call('list-users', 'live', pages, signal, () => this.port.listUsers(signal));
  }

  getUser(employeeInternalId: string, signal?: AbortSignal): Promise<HumandResult<HumandUser>> {
    return this.call('get-user', 'live', 1, signal, () => this.port.getUser(employeeInternalId, signal));
  }
}
