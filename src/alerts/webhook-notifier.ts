import { Agent, request } from 'undici';
import { TransientError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import { registerSecret } from '../logging/redact.js';
import type { AlertMessage, AlertNotifier } from './alert.js';
import { alertPayload, type AlertFormat } from './payloads.js';

export interface WebhookNotifierOptions {
  readonly url: string;
  readonly format: AlertFormat;
  readonly logger: Logger;
  /** Connect + response budget for one post. */
  readonly timeoutMs?: number;
}

export interface WebhookNotifier extends AlertNotifier {
  close(): Promise<void>;
}

/**
 * Posts alert messages to one webhook. The URL itself is treated as a secret (Slack and
 * Teams webhook URLs carry their token in the path), so only its host is ever logged.
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  const url = new URL(options.url);
  registerSecret(options.url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 30_000 });
  const target = url.host;

  return {
    async send(message: AlertMessage): Promise<void> {
      const body = JSON.stringify(alertPayload(message, options.format));
      let status: number;
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body,
        });
        status = response.statusCode;
        await response.body.dump();
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new TransientError(`alert webhook at ${target} could not be reached: ${detail}`, {
          code: 'ALERT_WEBHOOK_UNREACHABLE',
          hint: 'check ALERT_WEBHOOK_URL and that this host can reach it',
          cause,
        });
      }
      if (status < 200 || status >= 300) {
        throw new TransientError(`alert webhook at ${target} answered HTTP ${status}`, {
          code: 'ALERT_WEBHOOK_REFUSED',
          hint: 'check ALERT_WEBHOOK_URL and ALERT_FORMAT (json, slack or teams) match the receiver',
        });
      }
      options.logger.info({ alert: message.kind, state: message.state, target }, 'alert sent');
    },
    async close(): Promise<void> {
      await agent.close();
    },
  };
}
