import type { Command } from 'commander';
import { cliText } from '../i18n/text.js';
import { systemClock } from '../../domain/clock.js';
import { ConfigurationError } from '../../domain/errors.js';
import { IsapiClient } from '../../isapi/client.js';
import { configureHttpHost } from '../../isapi/http-host.js';
import { commandLogger, settingsOf } from '../context.js';
import { pushTargetOf } from '../doctor/isapi-checks.js';
import { CliExit } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import type { CliIo } from '../io.js';

/** `isapi-hosts`: points every terminal's HTTP listening host (id 1, or --id) at our receiver. One login per device. */
export function registerIsapiHostsCommand(program: Command, io: CliIo): void {
  program
    .command('isapi-hosts')
    .description('point each terminal (isapi.devices) at the terminal push receiver (isapi.push): PUT /ISAPI/Event/notification/httpHosts/<id>')
    .option('--id <id>', "which of the terminal's HTTP hosts to use", '1')
    .action(async (options: { id: string }, command: Command) => {
      const settings = settingsOf(command);
      const isapi = settings.config.isapi;
      if (!isapi?.push?.advertisedAddress) {
        throw new ConfigurationError('isapi.push with an advertisedAddress is needed to tell the terminals where to push', {
          code: 'NOT_CONFIGURED',
          hint: 'Add to the config file: isapi: { push: { port: 8090, advertisedAddress: 10.0.0.9 } } (the address the terminals reach this machine at). See docs/isapi.md.',
        });
      }
      const logger = commandLogger(settings);
      const text = cliText(settings.language);
      let failed = 0;
      for (const device of isapi.devices) {
        const target = pushTargetOf(isapi, device)!;
        const client = IsapiClient.fromConfig(isapi, device, { logger, clock: systemClock, timeZone: settings.config.siteTimezone });
        try {
          await configureHttpHost(client, target, options.id);
          io.out(text.t('isapiHosts.ok', { device: device.name, target: `http://${target.ipAddress}:${target.portNo}${target.url}` }));
        } catch (error) {
          failed++;
          io.out(text.t('isapiHosts.failed', { device: device.name, error: error instanceof Error ? error.message : String(error) }));
        } finally {
          await client.close();
        }
      }
      if (failed > 0) throw new CliExit(EXIT.doctorFailed);
    });
}
