import nodemailer from 'nodemailer';
import { TransientError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';
import { redactText } from '../logging/redact.js';
import type { AlertMessage, AlertNotifier } from './alert.js';

export interface EmailSettings {
  /** `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS from the start). */
  readonly smtpUrl: string;
  readonly from: string;
  readonly to: readonly string[];
}

/** The plain-text mail of a message: its text, what to do, and where to look. */
export function emailBody(message: AlertMessage): string {
  return [message.text, ...(message.hint ? ['', message.hint] : []), ...(message.dashboardUrl ? ['', message.dashboardUrl] : []), '', '— hik2humand'].join(
    '\n',
  );
}

/** Sends messages (the daily HR summary) as mail through an SMTP server; throws a TransientError when the server does not take it. */
export function createEmailNotifier(settings: EmailSettings, logger: Logger): AlertNotifier & { close(): void } {
  const transport = nodemailer.createTransport(settings.smtpUrl);
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: settings.to.join(', '),
          subject: `hik2humand: ${message.title}`,
          text: emailBody(message),
        });
        logger.info({ kind: message.kind, to: settings.to.length, messageId: info.messageId }, 'mail sent');
      } catch (error) {
        const reason = redactText(error instanceof Error ? error.message : String(error));
        throw new TransientError(`the mail server did not take the message: ${reason}`, {
          code: 'ALERT_EMAIL_FAILED',
          hint: 'check SMTP_URL (host, port, user and password) and that this machine may reach the mail server; it is tried again at the next check',
          cause: error,
        });
      }
    },
    close() {
      transport.close();
    },
  };
}
