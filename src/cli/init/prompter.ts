import { confirm, input, password, select } from '@inquirer/prompts';
import { INIT_EN, type InitWords } from './init-words.js';

export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  readonly description?: string;
}

/** The questions init asks; answered by a person (inquirer) or, in tests, by a script. */
export interface Prompter {
  text(message: string, options?: { readonly default?: string; readonly validate?: (value: string) => string | true }): Promise<string>;
  secret(message: string): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  choose<T>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
}

/**
 * Prompts at the terminal through @inquirer/prompts, in init's language. Inquirer's yes/no
 * prompt only understands y/n, so in Spanish a yes/no question is a two-choice list (Sí / No):
 * typing "s" for sí must not silently take the default.
 */
export function inquirerPrompter(
  streams?: { readonly input?: NodeJS.ReadableStream; readonly output?: NodeJS.WritableStream },
  w: InitWords = INIT_EN,
): Prompter {
  const context = streams ? { input: streams.input, output: streams.output } : undefined;
  const theme = { style: { keysHelpTip: () => w.keysHelp } };
  const choose = <T>(message: string, choices: readonly Choice<T>[], defaultValue?: T) =>
    select<T>(
      {
        message,
        choices: choices.map((c) => ({ name: c.name, value: c.value, ...(c.description ? { description: c.description } : {}) })),
        ...(defaultValue !== undefined ? { default: defaultValue } : {}),
        theme,
      },
      context,
    );
  return {
    text: (message, options = {}) =>
      input(
        { message, ...(options.default !== undefined ? { default: options.default } : {}), ...(options.validate ? { validate: options.validate } : {}) },
        context,
      ),
    secret: (message) => password({ message, mask: '*', validate: (value) => (value.trim() === '' ? w.required : true) }, context),
    confirm: (message, defaultValue) =>
      !w.confirmAsList
        ? confirm({ message, default: defaultValue }, context)
        : choose(
            message,
            [
              { name: w.yes, value: true },
              { name: w.no, value: false },
            ],
            defaultValue,
          ),
    choose,
  };
}
