import type { Command } from 'commander';
import { registerPushCommands } from '../../push/cli-commands.js';
import { PUSH_WORDS_EN, PUSH_WORDS_ES } from '../../push/command-words.js';
import { commandLogger, requireLive, settingsOf } from '../context.js';
import { HikCentralClient } from '../../hikcentral/client.js';
import type { CliIo } from '../io.js';

/** `subscribe`, `unsubscribe`, `subscriptions` (src/push), with their context built from the configuration. */
export function registerPushSubscriptionCommands(program: Command, io: CliIo): void {
  registerPushCommands(program, async () => {
    const settings = settingsOf(program);
    const { hik } = requireLive(settings, 'subscribe / unsubscribe / subscriptions');
    const logger = commandLogger(settings);
    const client = HikCentralClient.fromConfig(hik, { logger, timeZone: settings.config.siteTimezone });
    return {
      client,
      eventTypes: settings.config.rules.grantedEventCodes,
      push: settings.push,
      logger,
      out: (line: string) => io.out(line),
      words: settings.language === 'es' ? PUSH_WORDS_ES : PUSH_WORDS_EN,
      close: () => client.close(),
    };
  });
}
