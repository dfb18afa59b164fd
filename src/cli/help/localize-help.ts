import { Help, type AddHelpTextContext, type Command } from 'commander';
import type { CliLanguage } from '../i18n/language.js';
import { HELP_ES, HELP_HEADINGS_ES } from './help-es.js';

const LANGUAGE = new WeakMap<Command, CliLanguage>();

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

function translate(language: CliLanguage, english: string): string {
  return language === 'es' ? (HELP_ES[english] ?? english) : english;
}

/** A note under a command's help (`addHelpText('after', helpAfter('…'))`), in the language the program's help speaks. */
export function helpAfter(english: string): (context: AddHelpTextContext) => string {
  return (context) => translate(LANGUAGE.get(rootOf(context.command)) ?? 'en', english);
}

/**
 * Puts every command's description, its options' descriptions and commander's own headings in
 * `language`. Run once the commands are registered: the command files keep their English.
 */
export function localizeHelp(program: Command, language: CliLanguage): void {
  LANGUAGE.set(program, language);
  if (language === 'en') return;
  const afterError = translate(language, '(run `hik2humand --help` for the commands and options)');
  const walk = (command: Command) => {
    command.showHelpAfterError(afterError);
    command.description(translate(language, command.description()));
    for (const option of command.options) option.description = translate(language, option.description);
    command.helpOption('-h, --help', translate(language, 'display help for command'));
    command.configureHelp({
      formatHelp: (cmd, helper) =>
        HELP_HEADINGS_ES.reduce((text, [heading, spanish]) => text.replace(heading, spanish), Help.prototype.formatHelp.call(helper, cmd, helper)),
    });
    if (command.commands.length > 0) command.helpCommand('help [command]', translate(language, 'display help for command'));
    for (const sub of command.commands) walk(sub);
  };
  walk(program);
}
