import { pluralOf, type Plural } from '../domain/plural.js';
import type { AlertFacts, AlertKind, AlertMessage, AlertSeverity, AlertState } from './alert.js';

export type AlertLanguage = 'en' | 'es';

interface Wording {
  readonly title: string;
  readonly text: (facts: AlertFacts) => string;
  readonly hint: string | null;
}

/** "1 punch needs" / "3 punches need", by the language's plural rules; "?" when the count is missing. */
function counted(facts: AlertFacts, key: string, plural: Plural, one: string, other: string): string {
  const value = facts[key];
  return typeof value === 'number' ? `${value} ${plural(value, one, other)}` : `${fact(facts, key)} ${other}`;
}

const PLURAL: Readonly<Record<AlertLanguage, Plural>> = { en: pluralOf('en'), es: pluralOf('es') };

function fact(facts: AlertFacts, key: string): string {
  const value = facts[key];
  return value === null || value === undefined ? '?' : String(value);
}

const WORDING: Record<AlertLanguage, Record<AlertKind, Record<AlertState, Wording>>> = {
  en: {
    'delivery-paused': {
      firing: {
        title: 'delivery to Humand is paused',
        text: (f) => `Humand refused our key (${fact(f, 'reason')}). Punches are kept and will be sent once it is fixed; ${fact(f, 'pending')} are waiting.`,
        hint: "check HUMAND_AUTH and the key's permissions / IP allowlist in Humand",
      },
      resolved: {
        title: 'delivery to Humand resumed',
        text: (f) => `Humand accepts our key again; ${fact(f, 'pending')} punches are waiting to be sent.`,
        hint: null,
      },
    },
    'dead-letters': {
      firing: {
        title: 'punches could not be delivered',
        text: (f) => `${counted(f, 'count', PLURAL.en, 'punch needs', 'punches need')} a person: delivery gave up on them, or Humand or a rule refused them.`,
        hint: "open the dashboard's Problems page, fix the cause and re-drive them",
      },
      resolved: { title: 'no undelivered punches left', text: () => 'Every dead or rejected punch has been re-driven or resolved.', hint: null },
    },
    'no-events': {
      firing: {
        title: 'no access events are arriving',
        text: (f) => `No access event has arrived for ${fact(f, 'quietMinutes')} minutes during working hours (last one: ${fact(f, 'lastEventAt')}).`,
        hint: 'check that HikCentral is reachable, the poll is succeeding and the event subscription is active',
      },
      resolved: { title: 'access events are arriving again', text: (f) => `An access event arrived at ${fact(f, 'lastEventAt')}.`, hint: null },
    },
  },
  es: {
    'delivery-paused': {
      firing: {
        title: 'el envío a Humand está en pausa',
        text: (f) =>
          `Humand rechazó nuestra clave (${fact(f, 'reason')}). Las fichadas se guardan y se enviarán al corregirlo; hay ${fact(f, 'pending')} en espera.`,
        hint: 'revise HUMAND_AUTH y los permisos / IPs permitidas de la clave en Humand',
      },
      resolved: {
        title: 'el envío a Humand se reanudó',
        text: (f) => `Humand vuelve a aceptar nuestra clave; hay ${fact(f, 'pending')} fichadas por enviar.`,
        hint: null,
      },
    },
    'dead-letters': {
      firing: {
        title: 'hay fichadas que no se pudieron entregar',
        text: (f) =>
          `${counted(f, 'count', PLURAL.es, 'fichada necesita', 'fichadas necesitan')} a una persona: el envío se abandonó o Humand o una regla las rechazó.`,
        hint: 'abra la página Problemas del panel, corrija la causa y reenvíelas',
      },
      resolved: { title: 'no quedan fichadas sin entregar', text: () => 'Todas las fichadas fallidas o rechazadas se reenviaron o resolvieron.', hint: null },
    },
    'no-events': {
      firing: {
        title: 'no llegan eventos de acceso',
        text: (f) => `No llegó ningún evento de acceso en ${fact(f, 'quietMinutes')} minutos en horario laboral (último: ${fact(f, 'lastEventAt')}).`,
        hint: 'revise que HikCentral sea accesible, que la consulta funcione y que la suscripción de eventos esté activa',
      },
      resolved: { title: 'vuelven a llegar eventos de acceso', text: (f) => `Llegó un evento de acceso a las ${fact(f, 'lastEventAt')}.`, hint: null },
    },
  },
};

const SEVERITY: Record<AlertKind, AlertSeverity> = {
  'delivery-paused': 'critical',
  'dead-letters': 'warning',
  'no-events': 'warning',
};

export function composeAlert(language: AlertLanguage, dashboardUrl: string | null) {
  return (kind: AlertKind, state: AlertState, facts: AlertFacts, atMs: number): AlertMessage => {
    const wording = WORDING[language][kind][state];
    return {
      kind,
      state,
      severity: state === 'resolved' ? 'info' : SEVERITY[kind],
      title: wording.title,
      text: wording.text(facts),
      hint: wording.hint,
      atMs,
      facts,
      dashboardUrl,
    };
  };
}
