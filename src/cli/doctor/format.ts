import { printable } from '../format/printable.js';
import type { CheckStatus } from './checks.js';
import type { DoctorReport } from './run-doctor.js';

const MARK: Record<CheckStatus, string> = { ok: '[ ok ]', warn: '[warn]', fail: '[FAIL]', skip: '[skip]' };

export function formatDoctor(report: DoctorReport): string[] {
  const width = report.checks.reduce((max, c) => Math.max(max, c.name.length), 0);
  const lines = ['hik2humand doctor', ''];
  for (const c of report.checks) {
    lines.push(`  ${MARK[c.status]} ${c.name.padEnd(width)}  ${c.message}`);
    if (c.fix && c.status !== 'ok') lines.push(`         ${' '.repeat(width)}  fix: ${c.fix}`);
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  lines.push('');
  if (failed > 0) lines.push(`${failed} check(s) failed${warned ? `, ${warned} warning(s)` : ''}. Do what the "fix:" lines say, then run \`hik2humand doctor\` again.`);
  else if (warned > 0) lines.push(`All checks passed with ${warned} warning(s).`);
  else lines.push('All checks passed.');
  return lines.map(printable);
}
