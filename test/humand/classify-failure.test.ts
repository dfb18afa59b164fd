import { describe, expect, it } from 'vitest';
import type { RateLimitInfo } from '../../src/domain/humand.js';
import { classifyHumandFailure, type FailedAnswer } from '../../src/humand/index.js';

const humand = (code: string, message: string) => ({ message, code, metadata: {} });
const answer = (status: number, json: unknown, extra: Partial<FailedAnswer> = {}): FailedAnswer => ({
  status,
  json,
  text: json === null ? '' : JSON.stringify(json),
  retryAfterMs: null,
  rateLimit: null,
  ...extra,
});
const resetIn = (seconds: number): RateLimitInfo => ({ limit: 50, remaining: 0, resetSeconds: seconds, windowSeconds: 60, observedAt: 0 });

describe('classifyHumandFailure', () => {
  it.each([
    // business rules on 400: Humand's generic code, the message tells
    {
      why: 'same type twice',
      input: answer(400, humand('INVALID_DATA', 'Cannot register two consecutive START entries on the same day')),
      kind: 'rejected-by-rule',
    },
    { why: 'END without START', input: answer(400, humand('INVALID_DATA', 'Cannot clock out without an open clock in')), kind: 'rejected-by-rule' },
    { why: 'future entry', input: answer(400, humand('INVALID_DATA', 'The entry time cannot be in the future')), kind: 'rejected-by-rule' },
    { why: 'unknown employee', input: answer(400, humand('INVALID_DATA', 'User not found for the given employeeId')), kind: 'rejected-by-rule' },
    {
      why: 'inactive employee',
      input: answer(400, humand('INVALID_DATA', 'The user is deactivated and cannot register time tracking entries')),
      kind: 'rejected-by-rule',
    },
    { why: 'Spanish duplicate', input: answer(400, humand('INVALID_DATA', 'Ya existe una marcación de entrada para este día')), kind: 'rejected-by-rule' },
    { why: 'Spanish future', input: answer(400, humand('INVALID_DATA', 'No se puede registrar una marcación en el futuro')), kind: 'rejected-by-rule' },
    {
      why: 'a specific rule code, whatever the message',
      input: answer(400, humand('TIME_TRACKING_ENTRY_ALREADY_EXISTS', 'Conflict')),
      kind: 'rejected-by-rule',
    },
    { why: 'another error shape', input: answer(400, { errors: [{ message: 'Entry already exists' }] }), kind: 'rejected-by-rule' },
    // "already clocked in" / open clock-in, as Humand words it and as other integrations report it (issue #9, item 8)
    {
      why: 'open clock-in for this day',
      input: answer(400, humand('INVALID_DATA', 'The employee already has an open clock-in for this day')),
      kind: 'rejected-by-rule',
    },
    { why: 'open clock-in, no code', input: answer(400, { message: 'Employee already has an open clock in' }), kind: 'rejected-by-rule' },
    { why: 'already clocked in', input: answer(400, humand('INVALID_DATA', 'Employee is already clocked in')), kind: 'rejected-by-rule' },
    { why: 'already has an active shift', input: answer(400, humand('INVALID_DATA', 'User already has an active shift')), kind: 'rejected-by-rule' },
    {
      why: 'there is an open clock-in',
      input: answer(400, humand('INVALID_DATA', 'There is an open clock-in that must be closed first')),
      kind: 'rejected-by-rule',
    },
    { why: 'open clock-in exists', input: answer(400, humand('INVALID_DATA', 'Open clock-in already exists')), kind: 'rejected-by-rule' },
    { why: 'END without START', input: answer(400, humand('INVALID_DATA', 'END without START')), kind: 'rejected-by-rule' },
    { why: 'clock-out without clock-in', input: answer(400, humand('INVALID_DATA', 'Clock-out without a clock-in')), kind: 'rejected-by-rule' },
    { why: 'duplicate entry', input: answer(400, humand('INVALID_DATA', 'Duplicate entry')), kind: 'rejected-by-rule' },
    {
      why: 'Spanish open entry',
      input: answer(400, humand('INVALID_DATA', 'El colaborador ya tiene una entrada abierta para este día')),
      kind: 'rejected-by-rule',
    },
    { why: 'Spanish open entry, short', input: answer(400, humand('INVALID_DATA', 'Entrada abierta')), kind: 'rejected-by-rule' },
    { why: 'Spanish already clocked', input: answer(400, humand('INVALID_DATA', 'El empleado ya fichó la entrada')), kind: 'rejected-by-rule' },
    { why: 'Spanish exit without entry', input: answer(400, humand('INVALID_DATA', 'Salida sin entrada previa')), kind: 'rejected-by-rule' },
    { why: 'Spanish no open entry', input: answer(400, humand('INVALID_DATA', 'No tiene una jornada iniciada')), kind: 'rejected-by-rule' },
    { why: 'Spanish duplicate', input: answer(400, humand('INVALID_DATA', 'Marcación duplicada')), kind: 'rejected-by-rule' },
    { why: 'specific code ALREADY_CLOCKED_IN', input: answer(400, humand('ALREADY_CLOCKED_IN', 'Bad request')), kind: 'rejected-by-rule' },
    { why: 'specific code OPEN_CLOCK_IN', input: answer(400, humand('OPEN_CLOCK_IN_EXISTS', 'Bad request')), kind: 'rejected-by-rule' },
    // 400s that are our fault
    { why: 'generic invalid data', input: answer(400, humand('INVALID_DATA', 'The provided data is invalid')), kind: 'bad-request' },
    {
      why: 'now without offset',
      input: answer(400, humand('INVALID_DATA', 'now must be an ISO 8601 date-time with an explicit UTC offset')),
      kind: 'bad-request',
    },
    { why: 'malformed entry id', input: answer(400, humand('INVALID_DATA', 'entry id must be a number')), kind: 'bad-request' },
    { why: 'bad date filter', input: answer(400, humand('INVALID_DATA', 'startDate is not a valid date')), kind: 'bad-request' },
    { why: 'Spanish malformed', input: answer(400, humand('INVALID_DATA', 'Los datos enviados no son válidos')), kind: 'bad-request' },
    { why: 'page too big', input: answer(400, humand('INVALID_DATA', 'limit must be an integer between 1 and 50')), kind: 'bad-request' },
    { why: 'missing filters', input: answer(400, humand('INVALID_DATA', 'employeeId, startDate and endDate (YYYY-MM-DD) are required')), kind: 'bad-request' },
    { why: 'empty 400', input: answer(400, null), kind: 'bad-request' },
    { why: 'JSON array 400', input: answer(400, []), kind: 'bad-request' },
    { why: '405', input: answer(405, null), kind: 'bad-request' },
    { why: '413', input: answer(413, humand('PAYLOAD_TOO_LARGE', 'too large')), kind: 'bad-request' },
    // 422 and 409 are rule rejections whatever the body
    { why: '422 with a body', input: answer(422, humand('INVALID_DATA', 'The provided data is invalid')), kind: 'rejected-by-rule' },
    { why: '422 empty', input: answer(422, null), kind: 'rejected-by-rule' },
    { why: '409', input: answer(409, humand('CONFLICT', 'conflict')), kind: 'rejected-by-rule' },
    // configuration
    { why: '401', input: answer(401, humand('UNKNOWN_TOKEN', 'Invalid credentials')), kind: 'unauthorised' },
    { why: '401 other shape', input: answer(401, { error: 'Unauthorized' }), kind: 'unauthorised' },
    { why: '403', input: answer(403, humand('ACCESS_DENIED', 'The provided user has no access to this resource')), kind: 'forbidden' },
    { why: '403 HTML from a proxy', input: answer(403, null, { text: '<html>Forbidden</html>' }), kind: 'forbidden' },
    { why: '404', input: answer(404, humand('NOT_FOUND', 'Resource not found')), kind: 'not-found' },
    // transient
    { why: '500', input: answer(500, humand('UNKNOWN_ERROR', 'An unexpected error has occurred')), kind: 'transient' },
    { why: '500 database', input: answer(500, humand('DATABASE_ERROR', 'db')), kind: 'transient' },
    { why: '502 HTML', input: answer(502, null, { text: '<html><body>Bad gateway</body></html>' }), kind: 'transient' },
    { why: '503 empty', input: answer(503, null), kind: 'transient' },
    { why: '504', input: answer(504, null), kind: 'transient' },
    { why: '408', input: answer(408, null), kind: 'transient' },
    { why: '302 (a proxy redirecting)', input: answer(302, null), kind: 'transient' },
    // rate limited
    {
      why: '429',
      input: answer(429, humand('RATE_LIMIT_EXCEEDED', 'Rate limit reached, please try again later'), { retryAfterMs: 42_000 }),
      kind: 'rate-limited',
    },
  ] as const)('$input.status $why → $kind', ({ input, kind }) => {
    const failure = classifyHumandFailure(input);
    expect(failure.kind).toBe(kind);
    expect(failure.status).toBe(input.status);
    expect(failure.message.length).toBeGreaterThan(0);
  });

  it("keeps Humand's code and message", () => {
    expect(classifyHumandFailure(answer(400, humand('INVALID_DATA', 'Cannot clock out without an open clock in')))).toEqual({
      kind: 'rejected-by-rule',
      status: 400,
      code: 'INVALID_DATA',
      message: 'Cannot clock out without an open clock in',
    });
  });

  it("describes bodies that are not Humand's shape", () => {
    expect(classifyHumandFailure(answer(400, null)).message).toBe('HTTP 400 with an empty body');
    expect(classifyHumandFailure(answer(502, null, { text: '<html>\n<body>Bad   gateway</body></html>' })).message).toBe(
      'HTTP 502: <html> <body>Bad gateway</body></html>',
    );
    expect(classifyHumandFailure(answer(401, { error: 'Unauthorized' }))).toMatchObject({ code: null, message: 'Unauthorized' });
  });

  it.each([
    { why: 'Retry-After wins', extra: { retryAfterMs: 42_000, rateLimit: resetIn(10) }, expected: 42_000 },
    { why: 'else the RateLimit reset', extra: { rateLimit: resetIn(17) }, expected: 17_000 },
    { why: 'else one documented window', extra: {}, expected: 60_000 },
  ])('429 wait: $why', ({ extra, expected }) => {
    expect(classifyHumandFailure(answer(429, null, extra))).toMatchObject({ kind: 'rate-limited', retryAfterMs: expected });
  });
});
