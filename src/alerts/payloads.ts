import type { AlertMessage } from './alert.js';

/**
 * Body shapes for the outgoing webhook. `json` is our own generic document; `slack` is an
 * incoming-webhook message (`text` + Block Kit); `teams` is an Adaptive Card wrapped the way
 * Teams workflow webhooks ("post to a channel when a webhook request is received") accept it.
 */
export type AlertFormat = 'json' | 'slack' | 'teams';

export const ALERT_FORMATS: readonly AlertFormat[] = ['json', 'slack', 'teams'];

export interface GenericAlertPayload {
  readonly service: 'hik2humand';
  readonly kind: AlertMessage['kind'];
  readonly state: AlertMessage['state'];
  readonly severity: AlertMessage['severity'];
  readonly title: string;
  readonly text: string;
  readonly hint: string | null;
  readonly at: string;
  readonly facts: AlertMessage['facts'];
  readonly dashboardUrl: string | null;
}

export function alertPayload(message: AlertMessage, format: AlertFormat): unknown {
  switch (format) {
    case 'json':
      return genericPayload(message);
    case 'slack':
      return slackPayload(message);
    case 'teams':
      return teamsPayload(message);
  }
}

function genericPayload(message: AlertMessage): GenericAlertPayload {
  return {
    service: 'hik2humand',
    kind: message.kind,
    state: message.state,
    severity: message.severity,
    title: message.title,
    text: message.text,
    hint: message.hint,
    at: new Date(message.atMs).toISOString(),
    facts: message.facts,
    dashboardUrl: message.dashboardUrl,
  };
}

function marker(message: AlertMessage): string {
  if (message.state === 'resolved') return '[OK]';
  if (message.severity === 'info') return '[INFO]';
  return message.severity === 'critical' ? '[CRITICAL]' : '[WARNING]';
}

function factLines(message: AlertMessage): string[] {
  return Object.entries(message.facts)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${String(value)}`);
}

/** Slack mrkdwn treats these three characters as control characters. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackPayload(message: AlertMessage): unknown {
  const headline = `${marker(message)} hik2humand: ${message.title}`;
  const body = [message.text, message.hint ? `→ ${message.hint}` : null, ...factLines(message)]
    .filter((line): line is string => line !== null)
    .map(slackEscape)
    .join('\n');
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${slackEscape(headline)}*\n${body}` } }];
  if (message.dashboardUrl) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${message.dashboardUrl}|dashboard>` }] });
  }
  // `text` is the notification/fallback line; blocks are what the channel shows.
  return { text: slackEscape(headline), blocks };
}

function teamsPayload(message: AlertMessage): unknown {
  const color = message.state === 'resolved' ? 'Good' : message.severity === 'critical' ? 'Attention' : message.severity === 'info' ? 'Accent' : 'Warning';
  const body: unknown[] = [
    { type: 'TextBlock', size: 'Medium', weight: 'Bolder', color, wrap: true, text: `${marker(message)} hik2humand: ${message.title}` },
    { type: 'TextBlock', wrap: true, text: message.text },
  ];
  if (message.hint) body.push({ type: 'TextBlock', wrap: true, isSubtle: true, text: message.hint });
  const facts = Object.entries(message.facts)
    .filter(([, value]) => value !== null && value !== '')
    .map(([title, value]) => ({ title, value: String(value) }));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  };
  if (message.dashboardUrl) card.actions = [{ type: 'Action.OpenUrl', title: 'Dashboard', url: message.dashboardUrl }];
  return {
    type: 'message',
    summary: `hik2humand: ${message.title}`,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
