import { DateTime } from 'luxon';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging/logger.js';
import type { DailyIncidents, IncidentKind } from '../pipeline/daily-incidents.js';
import type { AlertMessage, AlertNotifier } from './alert.js';
import type { AlertLanguage } from './messages.js';

export interface DailySummaryOptions {
  /** Local hour (site time, 0–23) from which yesterday's summary is sent. */
  readonly hour: number;
  readonly timezone: string;
  readonly clock: Clock;
  readonly language: AlertLanguage;
  readonly dashboardUrl: string | null;
  readonly notifier: AlertNotifier;
  readonly logger: Logger;
  readonly readIncidents: (date: string) => Promise<DailyIncidents>;
  /** The local date the last summary was sent on (kept in the ledger's meta, so a restart does not send it twice). */
  readonly lastSent: { get(): Promise<string | null>; set(date: string): Promise<void> };
}

export interface DailySummary {
  /** Sends yesterday's summary when today's hour has come and it was not sent today; true when it sent. */
  sendIfDue(): Promise<boolean>;
}

const WORDS: Record<AlertLanguage, { title: (date: string) => string; none: string; kinds: Record<IncidentKind, string>; who: string; hint: string }> = {
  en: {
    title: (date) => `attendance incidents of ${date}`,
    none: 'No incidents: every punch of the day was delivered or deliberately not sent.',
    kinds: {
      'open-day': 'open days (clock-in without clock-out)',
      review: 'need review',
      rejected: 'rejected',
      dead: 'could not be delivered',
      unmapped: 'unmapped (no Humand user)',
    },
    who: 'Employees with an incident',
    hint: "open the dashboard's Problems page (and Attendance for open days) to fix them",
  },
  es: {
    title: (date) => `incidencias de asistencia del ${date}`,
    none: 'Sin incidencias: todas las fichadas del día se entregaron o no se enviaron a propósito.',
    kinds: {
      'open-day': 'jornadas abiertas (entrada sin salida)',
      review: 'a revisar',
      rejected: 'rechazadas',
      dead: 'no se pudieron entregar',
      unmapped: 'sin vincular (sin usuario de Humand)',
    },
    who: 'Empleados con alguna incidencia',
    hint: 'abra la página Problemas del panel (y Asistencia para las jornadas abiertas) para corregirlas',
  },
};

const KIND_ORDER: readonly IncidentKind[] = ['open-day', 'review', 'rejected', 'dead', 'unmapped'];
const MAX_NAMES = 50;

/** The summary as an alert message (json, Slack or Teams like every alert), in the configured language. */
export function summaryMessage(incidents: DailyIncidents, language: AlertLanguage, atMs: number, dashboardUrl: string | null): AlertMessage {
  const words = WORDS[language];
  const total = KIND_ORDER.reduce((sum, kind) => sum + incidents.counts[kind], 0);
  const lines = KIND_ORDER.filter((kind) => incidents.counts[kind] > 0).map((kind) => `${words.kinds[kind]}: ${incidents.counts[kind]}`);
  const names = incidents.employees.slice(0, MAX_NAMES).map((e) => `- ${e.name}: ${e.kinds.map((k) => words.kinds[k]).join(', ')}`);
  const more = incidents.employees.length > MAX_NAMES ? [`… +${incidents.employees.length - MAX_NAMES}`] : [];
  const text = total === 0 ? words.none : [lines.join('; '), '', `${words.who} (${incidents.employees.length}):`, ...names, ...more].join('\n');
  return {
    kind: 'daily-summary',
    state: 'firing',
    severity: 'info',
    title: words.title(incidents.date),
    text,
    hint: total === 0 ? null : words.hint,
    atMs,
    facts: {
      date: incidents.date,
      openDays: incidents.counts['open-day'],
      review: incidents.counts.review,
      rejected: incidents.counts.rejected,
      dead: incidents.counts.dead,
      unmapped: incidents.counts.unmapped,
      employees: incidents.employees.length,
    },
    dashboardUrl,
  };
}

/** Yesterday's incidents to HR once a day, at `hour` site time or at the first check after it (a service down at that hour sends when it is back). */
export function createDailySummary(options: DailySummaryOptions): DailySummary {
  let queue: Promise<boolean> = Promise.resolve(false);
  async function sendOnce(): Promise<boolean> {
    const now = DateTime.fromMillis(options.clock.now(), { zone: options.timezone });
    const today = now.toISODate()!;
    if (now.hour < options.hour || (await options.lastSent.get()) === today) return false;
    const yesterday = now.minus({ days: 1 }).toISODate()!;
    const message = summaryMessage(await options.readIncidents(yesterday), options.language, now.toMillis(), options.dashboardUrl);
    try {
      await options.notifier.send(message);
    } catch (error) {
      options.logger.warn({ err: error, date: yesterday }, 'daily HR summary not sent; trying again at the next check');
      return false;
    }
    await options.lastSent.set(today);
    options.logger.info({ date: yesterday, ...message.facts }, 'daily HR summary sent');
    return true;
  }
  return {
    sendIfDue() {
      // One at a time: a periodic check and a hook never both send it.
      queue = queue.then(sendOnce, sendOnce);
      return queue;
    },
  };
}
