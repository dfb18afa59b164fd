import { printable } from '../format/printable.js';
import type { CheckStatus } from './checks.js';
import { DOCTOR_EN, type DoctorWords } from './doctor-words.js';
import type { DoctorReport } from './run-doctor.js';

const MARK: Record<CheckStatus, string> = { ok: '[ ok ]', warn: '[warn]', fail: '[FAIL]', skip: '[skip]' };

export function formatDoctor(report: DoctorReport, w: DoctorWords = DOCTOR_EN): string[] {
  const width = report.checks.reduce((max, c) => Math.max(max, c.name.length), 0);
  const lines = [w.title, ''];
  for (const c of report.checks) {
    lines.push(`  ${MARK[c.status]} ${c.name.padEnd(width)}  ${c.message}`);
    if (c.fix && c.status !== 'ok') lines.push(`         ${' '.repeat(width)}  ${w.fix}: ${c.fix}`);
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  lines.push('');
  if (failed > 0) lines.push(w.failed(failed, warned));
  else if (warned > 0) lines.push(w.passedWithWarnings(warned));
  else lines.push(w.allPassed);
  return lines.map(printable);
}
