import type { Choice, Prompter } from '../../../src/cli/init/prompter.js';
import type { CliIo } from '../../../src/cli/io.js';

export type Answer = string | boolean | ((choices: readonly Choice<unknown>[], message: string) => unknown);

/** Answers init's questions from a script, in order; a question the script did not expect fails the test with the transcript. */
export class ScriptedPrompter implements Prompter {
  readonly transcript: string[] = [];
  constructor(private readonly script: Array<[RegExp, Answer]>) {}

  private next(kind: string, message: string): Answer {
    this.transcript.push(`${kind}: ${message}`);
    const step = this.script.shift();
    if (step === undefined || !step[0].test(message)) {
      throw new Error(`unexpected question ${kind} "${message}" (expected ${step ? String(step[0]) : 'none'})\n${this.transcript.join('\n')}`);
    }
    return step[1];
  }
  async text(message: string, options: { default?: string; validate?: (value: string) => string | true } = {}): Promise<string> {
    const answer = String(this.next('text', message));
    const valid = options.validate?.(answer) ?? true;
    if (valid !== true) throw new Error(`scripted answer "${answer}" fails the prompt's own validation: ${valid}`);
    return answer;
  }
  async secret(message: string): Promise<string> {
    return String(this.next('secret', message));
  }
  async confirm(message: string): Promise<boolean> {
    return this.next('confirm', message) === true;
  }
  async choose<T>(message: string, choices: readonly Choice<T>[]): Promise<T> {
    this.transcript.push(...choices.map((c) => `  option: ${c.name}`));
    const answer = this.next('choose', message);
    if (typeof answer !== 'function') throw new Error('a choose step needs a function picking the choice');
    return answer(choices, message) as T;
  }
  get unanswered(): number {
    return this.script.length;
  }
}

export function captureIo(): CliIo & { text(): string } {
  const lines: string[] = [];
  return { out: (t) => lines.push(t), err: (t) => lines.push(t), stdoutIsTty: false, text: () => lines.join('\n') };
}
