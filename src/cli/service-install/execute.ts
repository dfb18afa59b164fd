import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ConfigurationError } from '../../domain/errors.js';
import type { MachineProbe, Step } from './plan.js';
import { SERVICE_EN, type ServiceWords } from './service-words.js';

/** A step as a person reads it (and as `--dry-run` prints it). */
export function describeStep(step: Step, w: ServiceWords = SERVICE_EN): string {
  const width = Math.max(w.run.length, w.write.length, w.mkdir.length);
  switch (step.kind) {
    case 'run':
      return `${w.run.padEnd(width)} ${[step.command, ...step.args].map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}    # ${step.why}`;
    case 'write':
      return `${w.write.padEnd(width)} ${step.file} (${w.mode(step.mode.toString(8))})    # ${step.why}`;
    case 'mkdir':
      return `${w.mkdir.padEnd(width)} ${step.dir}    # ${step.why}`;
    case 'note':
      return step.text;
  }
}

/** Does the steps in order; the first one that fails stops the rest with what it printed. */
export function executePlan(steps: readonly Step[], out: (line: string) => void, w: ServiceWords = SERVICE_EN): void {
  for (const step of steps) {
    out(describeStep(step, w));
    if (step.kind === 'write') {
      fs.writeFileSync(step.file, step.text, { mode: step.mode });
    } else if (step.kind === 'mkdir') {
      fs.mkdirSync(step.dir, { recursive: true });
    } else if (step.kind === 'run') {
      const result = spawnSync(step.command, step.args, { encoding: 'utf8' });
      const failed = result.error !== undefined || result.status !== 0;
      if (failed && step.allowFailure !== true) {
        const detail = result.error?.message ?? `${result.stderr}${result.stdout}`.trim();
        throw new ConfigurationError(w.stepFailed(`${step.command} ${step.args.join(' ')}`, step.why, detail || `exit ${String(result.status)}`), {
          code: 'SERVICE_STEP_FAILED',
          hint: w.stepFailedHint,
        });
      }
    }
  }
}

export const machineProbe: MachineProbe = {
  userExists: (user) => spawnSync('id', ['-u', user], { stdio: 'ignore' }).status === 0,
  exists: (file) => fs.existsSync(file),
};

/** Output of a read-only command (status), or null when it cannot run. */
export function readCommand(command: string, args: readonly string[]): { readonly code: number; readonly output: string } | null {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error !== undefined) return null;
  return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}`.trim() };
}
