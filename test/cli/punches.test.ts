import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/ops/views/text-match.js';
import { runCli } from './support/cli-process.js';
import { startTestSite, type TestSite } from './support/site.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite({ employees: 4, seed: 5 });
  const sync = await runCli(['sync'], { cwd: site.dir, env: site.env });
  expect(sync.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await site.close();
});

interface ListedPunch {
  readonly employeeId: string | null;
  readonly personName: string | null;
}

describe('punches', () => {
  it('finds an employee by name as HR types it — surname first, no accents, any case — on a day written dd/mm/yyyy', async () => {
    const employee = site.day.employees[1]!;
    const [year, month, day] = site.date.split('-');
    const typed = foldText(`${employee.lastName}, ${employee.firstName}`).toUpperCase();
    const result = await runCli(['punches', '--employee', typed, '--date', `${day}/${month}/${year}`, '--json'], { cwd: site.dir, env: site.env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const punches = JSON.parse(result.stdout) as ListedPunch[];
    expect(punches.length).toBeGreaterThan(0);
    // Every passage of that person (doors that are not time clocks too), their clock punches mapped to them.
    expect(new Set(punches.map((punch) => foldText(punch.personName ?? '')))).toEqual(new Set([foldText(`${employee.firstName} ${employee.lastName}`)]));
    expect(punches.some((punch) => punch.employeeId === employee.employeeInternalId)).toBe(true);
    expect(punches.every((punch) => punch.employeeId === null || punch.employeeId === employee.employeeInternalId)).toBe(true);
  }, 30_000);

  it('says what a day option may be when it is none of the forms it reads', async () => {
    const result = await runCli(['punches', '--date', 'last monday'], { cwd: site.dir, env: site.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--date: "last monday" is not a date — use e\.g\. --date 2026-01-27, --date 27\/01\/2026, --date yesterday \(ayer\)/);
  }, 30_000);
});
