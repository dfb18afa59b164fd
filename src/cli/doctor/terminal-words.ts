import { pluralOf } from '../../domain/plural.js';

const en = pluralOf('en');
const es = pluralOf('es');

/** What doctor says about each Hikvision terminal read over ISAPI, in English and Spanish. Errors the device or the network gave keep their words. */
export interface TerminalWords {
  terminal(name: string): string;
  clock(name: string): string;
  readers(name: string): string;
  push(name: string): string;
  identified(url: string, model: string | null, serial: string | null, firmware: string | null, user: string): string;
  readonly addressFix: string;
  deviceTime(localTime: string, seconds: number, ahead: boolean): string;
  readonly ntpFix: string;
  eventsUnreadable(error: string): string;
  lastDay(cut: boolean): string;
  readersOk(readers: string, where: string): string;
  readersSilent(silent: readonly number[], where: string, counted: string): string;
  byReader(reader: number, count: number): string;
  readonly none: string;
  readerTypoFix(device: string, others: readonly number[]): string;
  readonly readerQuietFix: string;
  readonly pushOff: string;
  readonly pushNoAddress: string;
  pushOk(target: string): string;
  pushElsewhere(target: string, found: string): string;
  pushFix(ip: string, port: number, url: string): string;
}

export const TERMINAL_EN: TerminalWords = {
  terminal: (name) => `terminal ${name}`,
  clock: (name) => `terminal ${name} clock`,
  readers: (name) => `terminal ${name} readers`,
  push: (name) => `terminal ${name} push`,
  identified: (url, model, serial, firmware, user) =>
    `${url}: ${model ?? 'unknown model'}, serial ${serial ?? '?'}, firmware ${firmware ?? '?'}; user ${user} accepted (one login)`,
  addressFix: 'Check the address (http:// or https://, port) in the config file.',
  deviceTime: (localTime, seconds, ahead) => `device time ${localTime}: ${seconds} s ${ahead ? 'ahead of' : 'behind'} this machine`,
  ntpFix:
    "Punches carry the terminal's own time: set NTP on the device (web page: Configuration > System > System Settings > Time Settings) or correct its time.",
  eventsUnreadable: (error) => `could not read its events: ${error}`,
  lastDay: (cut) => `in the last 24 h${cut ? ' (first pages only)' : ''}`,
  readersOk: (readers, where) => `every configured reader (${readers}) had access events ${where}`,
  readersSilent: (silent, where, counted) =>
    `${en(silent.length, 'configured reader', 'configured readers')} ${silent.join(', ')} had no access event ${where}; events by reader: ${counted}`,
  byReader: (reader, count) => `reader ${reader}: ${count}`,
  none: 'none',
  readerTypoFix: (device, others) =>
    `Check cardReaderNo in the config file (timeClocks of ${device}): ${en(others.length, 'reader', 'readers')} ${others.join(', ')} had the passages — did you mean ${others.join(' or ')}?`,
  readerQuietFix: "If the terminal was in use, check cardReaderNo in the config file (1 is the terminal's own reader).",
  pushOff: 'push not configured (isapi.push): polling only',
  pushNoAddress: 'isapi.push.advertisedAddress not set: cannot tell which address the terminal should push to',
  pushOk: (target) => `its HTTP host points at ${target}`,
  pushElsewhere: (target, found) => `no HTTP host points at ${target} (found: ${found})`,
  pushFix: (ip, port, url) =>
    `Run \`hik2humand isapi-hosts\` or set it on the device's web page (Configuration > Network > Advanced > HTTP Listening): IP ${ip}, port ${port}, URL ${url}. Polling still reads everything meanwhile.`,
};

export const TERMINAL_ES: TerminalWords = {
  terminal: (name) => `terminal ${name}`,
  clock: (name) => `reloj de la terminal ${name}`,
  readers: (name) => `lectores de la terminal ${name}`,
  push: (name) => `envío (push) de la terminal ${name}`,
  identified: (url, model, serial, firmware, user) =>
    `${url}: ${model ?? 'modelo desconocido'}, serie ${serial ?? '?'}, firmware ${firmware ?? '?'}; usuario ${user} aceptado (un solo inicio de sesión)`,
  addressFix: 'Revise la dirección (http:// o https://, puerto) en el archivo de configuración.',
  deviceTime: (localTime, seconds, ahead) =>
    `hora del equipo ${localTime}: ${seconds} s ${ahead ? 'adelantada respecto de' : 'atrasada respecto de'} esta máquina`,
  ntpFix:
    'Las fichadas llevan la hora de la terminal: configure NTP en el equipo (página web: Configuración > Sistema > Configuración del sistema > Configuración de hora) o corrija su hora.',
  eventsUnreadable: (error) => `no se pudieron leer sus eventos: ${error}`,
  lastDay: (cut) => `en las últimas 24 h${cut ? ' (solo las primeras páginas)' : ''}`,
  readersOk: (readers, where) => `todos los lectores configurados (${readers}) tuvieron eventos de acceso ${where}`,
  readersSilent: (silent, where, counted) =>
    `${es(silent.length, 'el lector configurado', 'los lectores configurados')} ${silent.join(', ')} no ${es(silent.length, 'tuvo', 'tuvieron')} ningún evento de acceso ${where}; eventos por lector: ${counted}`,
  byReader: (reader, count) => `lector ${reader}: ${count}`,
  none: 'ninguno',
  readerTypoFix: (device, others) =>
    `Revise cardReaderNo en el archivo de configuración (timeClocks de ${device}): ${es(others.length, 'el lector', 'los lectores')} ${others.join(', ')} ${es(others.length, 'tuvo', 'tuvieron')} las pasadas — ¿quiso decir ${others.join(' o ')}?`,
  readerQuietFix: 'Si la terminal estuvo en uso, revise cardReaderNo en el archivo de configuración (1 es el lector propio de la terminal).',
  pushOff: 'envío (push) sin configurar (isapi.push): solo lectura periódica',
  pushNoAddress: 'falta isapi.push.advertisedAddress: no se sabe a qué dirección debe enviar la terminal',
  pushOk: (target) => `su HTTP host apunta a ${target}`,
  pushElsewhere: (target, found) => `ningún HTTP host apunta a ${target} (encontrados: ${found})`,
  pushFix: (ip, port, url) =>
    `Ejecute \`hik2humand isapi-hosts\` o configúrelo en la página web del equipo (Configuración > Red > Avanzado > HTTP Listening): IP ${ip}, puerto ${port}, URL ${url}. Mientras tanto la lectura periódica sigue leyendo todo.`,
};
