import { pluralOf } from '../../domain/plural.js';
import type { InitWords } from './init-words.js';

const plural = pluralOf('en');
const count = (n: number, one: string, other: string) => `${n} ${plural(n, one, other)}`;
const both = (files: readonly string[]) => files.join(' and ');

export const INIT_EN: InitWords = {
  fix: 'fix',
  required: 'required',
  yes: 'Yes',
  no: 'No',
  keysHelp: '↑↓ navigate • ⏎ select',
  confirmAsList: false,
  noTerminal: 'init asks questions, but there is no terminal to ask at',
  noTerminalHint: 'Run it in a terminal, or unattended with --yes and the answers as flags (hik2humand init --help).',

  notDuration: (flag, value) => `--${flag} "${value}" is not a duration`,
  durationExample: (flag) => `e.g. --${flag} ${flag === 'days' ? '7' : '1h'}`,
  zonePrompt: 'Site time zone (IANA name; HikCentral events without an offset are read in it)',
  zoneOk: (zone, thisMachines) => `✓ Site time zone ${zone}${thisMachines ? " (this machine's)" : ''}.`,
  zoneInvalid: (zone) => `✗ "${zone}" is not an IANA time zone (e.g. America/Argentina/Buenos_Aires, America/Mexico_City, Europe/Madrid).`,
  zoneFlagInvalid: (zone) => `--timezone "${zone}" is not an IANA time zone`,
  zoneFlagHint: 'e.g. --timezone America/Argentina/Buenos_Aires',
  replacePrompt: (files) => `${both(files)} already ${plural(files.length, 'exists', 'exist')}. Replace?`,
  filesExist: (files) => `${both(files)} already ${plural(files.length, 'exists', 'exist')}; nothing was written`,
  filesExistHint: 'Pass --force to replace them (keep a copy first), or run init in an empty folder with --dir.',
  reading: (days) => `\nReading HikCentral's door events of the last ${count(days, 'day', 'days')} and its persons…`,
  readCounts: (events, persons, seconds) => `  ${count(events, 'door event', 'door events')} and ${count(persons, 'person', 'persons')} in ${seconds} s.`,
  usersUnreadable: (message) => `Humand's user list could not be read: ${message}`,
  usersUnreadableHint: 'The key needs the users read permission; run init again once Humand answers.',
  zoneAgrees: (offsets, zone) => `✓ HikCentral's event times (offset ${offsets}) agree with ${zone}.`,
  zoneDisagrees: (disagree, total, offsets, zone) =>
    `warning: ${disagree} of ${total} HikCentral event times carry an offset (${offsets}) that ${zone} does not have at that moment: check SITE_TIMEZONE (working days and alternation are cut in it), or the time zone of HikCentral's devices.`,
  wrote: (envFile, configFile, caFile) => `\nWrote ${envFile} (mode 600: the secrets), ${configFile}${caFile ? ` and ${caFile}` : ''}.`,
  next: '\nNext: `hik2humand run` here (or `hik2humand service install`); set DRY_RUN=true in .env first to watch without sending.',
  previewSummary: (hours, tally) => `\nDRY_RUN over the last ${hours} h (nothing sent): ${tally || 'no events'}.`,
  wouldSend: (clockOut, employee, at, who, where) => `  would send ${clockOut ? 'clock-out' : 'clock-in '} ${employee} at ${at}  (${who}, ${where})`,
  andMore: (n) => `  … and ${n} more`,
  attention: (line) => `  attention: ${line}`,

  urlScheme: 'start with https://, e.g. https://10.0.0.5',
  urlExample: 'an address such as https://10.0.0.5 or https://hcp.plant.local:443',
  flagRequired: (flag) => `--${flag} is required when init runs unattended (--yes)`,
  flagRequiredHint: (flag) => `pass --${flag}, or run \`hik2humand init\` at a terminal to be asked`,
  hikHostPrompt: 'HikCentral address (the OpenAPI gateway, e.g. https://10.0.0.5)',
  hikAppKeyPrompt: 'HikCentral partner app key (System > Open API)',
  hikSecretPrompt: 'HikCentral partner secret',
  hikAccepted: (url, ms, pinned) => `✓ HikCentral ${url} accepted a signed request (${ms} ms)${pinned ? ' with its pinned certificate' : ''}.`,
  certUnreadable: (error) => `  (could not read its certificate: ${error})`,
  certificate: (cert) =>
    [
      '  HikCentral presents this certificate:',
      `    subject      ${cert.subject}`,
      `    issuer       ${cert.issuer}${cert.selfSigned ? ' (self-signed)' : ''}`,
      `    valid until  ${cert.validTo}`,
      `    SHA-256      ${cert.fingerprint256}`,
      "  Compare the fingerprint with the one HikCentral shows (its web client: System > Network > HTTPS, or the browser's certificate view) before trusting it.",
    ].join('\n'),
  trustPrompt: 'Trust this certificate and pin it for hik2humand (HIK_CA_CERT)?',
  certUntrusted: (fingerprint) => `HikCentral's certificate is not trusted (SHA-256 ${fingerprint})`,
  certUntrustedHint: 'Pass --trust-certificate to pin it after checking the fingerprint, or set HIK_CA_CERT yourself.',
  stillRefuses: (system, attempts, message) => `${system} still refuses after ${attempts} tries: ${message}`,
  humandKeyPrompt: 'Humand API key (as Humand issued it, with or without "Basic ")',
  humandKeyHint: 'pass --humand-key, or run `hik2humand init` at a terminal',
  forbiddenAllowlist: (explained) => `  A 403: Humand knows the key but refuses it here. ${explained}`,
  forbiddenUnread: (error) =>
    [
      `  A 403: Humand knows the key but refuses it here (its IP allowlist could not be read: ${error ?? 'not tried'}). Usually one of:`,
      "    - the key's IP allowlist (Humand admin > API keys) does not include this server's public IP — the address",
      '      your firewall/NAT shows to the internet, not 10.x/192.168.x;',
      "    - the key's user lacks the time-tracking or users permission.",
    ].join('\n'),
  forbiddenFixThenAgain: '  Fix it in Humand (or ask Humand support), then enter the key again.',
  allowlist: (ips, refused) => {
    if (ips.length === 0)
      return refused
        ? "The key's IP allowlist is empty (any address may use it), so the 403 comes from the key's permissions: ask for time tracking and users access."
        : "The key's IP allowlist is empty: any address may use it.";
    const list = ips.join(', ');
    return refused
      ? `The key's IP allowlist names only ${list}. Unless this server's public address (what your firewall/NAT shows to the internet, not 10.x/192.168.x) is among them, that is the cause: add it in Humand (API keys > allowed IPs) or ask Humand support. If it is, the key's user lacks the time tracking or users permission.`
      : `The key's IP allowlist names ${list}: this server reaches Humand from one of them. Keep it so if the server or its internet link changes.`;
  },

  badDirection: (value) => `--time-clock "${value}": the direction must be in, out or alternate`,
  badDirectionHint: 'e.g. --time-clock "Facial Entrada=in"',
  noSuchReader: (name) =>
    `--time-clock "${name}": no reader of that name had any event in the scanned days, so its passages would all be "not a time-clock door"`,
  noSuchReaderHint: (near, seen) =>
    `Use the name exactly as HikCentral spells it${near.length > 0 ? ` — did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''} (readers seen: ${seen.map((n) => `"${n}"`).join(', ')})`,
  noEvents: (days) => `HikCentral reported no door events in the last ${count(days, 'day', 'days')}, so there is nothing to choose time clocks from`,
  noEventsHint: 'Scan further back with --days 30, or pass the readers with --time-clock "Reader name=in".',
  readersHeader: (days) => `\nReaders with events in the last ${count(days, 'day', 'days')}, busiest first (→ proposed):`,
  proposal: (timeClock, direction, why) => `${timeClock ? `time clock, ${direction ?? 'alternate in/out'}` : 'not a time clock'} (${why})`,
  why: (reason) => {
    if (reason.kind === 'no-clock-word') return 'no time-clock word in its name: reloj, molinete, fichada or clock';
    if (reason.kind === 'no-passages') return `"${reason.word}" in its name, but no passage of a person in the scanned days`;
    const direction = reason.direction === null ? null : reason.direction === 'in' ? 'entrada/ingreso/in' : 'salida/egreso/out';
    return `"${reason.word}" in its name${direction ? `, "${direction}" gives the direction` : '; no direction word: alternate in/out per employee'}`;
  },
  reader: ({ name, readerIndexCode, doorName, passages }) => {
    const where = [readerIndexCode ? `reader ${readerIndexCode}` : null, doorName ? `door ${doorName}` : null].filter(Boolean).join(', ');
    return `${name}${where ? ` (${where})` : ''}: ${count(passages, 'passage', 'passages')}`;
  },
  noProposal: 'no reader name looks like a time clock (reloj, molinete, fichada, clock)',
  noProposalHint: 'Name them with --time-clock "Reader name=in" (one per time clock).',
  useProposed: (clocks) =>
    `Use the ${count(clocks.length, 'proposed time clock', 'proposed time clocks')}: ${clocks.map((c) => `${c.reader} (${c.direction ?? 'alternate'})`).join(', ')}?`,
  isTimeClock: (reader) => `${reader} — is it a time clock?`,
  choiceDoor: 'no, an ordinary door',
  choiceIn: 'yes, clock-in',
  choiceOut: 'yes, clock-out',
  choiceAlternate: 'yes, alternate clock-in / clock-out per employee',
  noneChosen: 'no time clock chosen: every passage would be ignored',
  noneChosenHint: 'Run init again and mark at least one reader as a time clock.',
  notStrategy: (value) => `--mapping "${value}" is not one of the strategies tried here`,
  strategyHint: (strategies) => `Use one of: ${strategies.join(', ')} (a CSV mapping file is set by hand: docs/configuration.md)`,
  mappingHeader: (persons, active) => `\nMapping HikCentral persons (${persons}) to Humand employees (${active} active), by employeeInternalId:`,
  coverage: (strategy, customField, matched, active) =>
    `${customField === null ? strategy : `custom field "${customField}"`} matches ${matched} of ${active} active employees`,
  mappingQuestion: 'How do HikCentral persons map to Humand employees?',
  best: ' (best)',
  noMatchWarning:
    '  warning: this mapping matches no active employee; doctor will fail until HikCentral or Humand records agree (docs/configuration.md, mapping).',
  mappingNote: (coverage) => `When init looked: ${coverage}.`,

  envFileHeader: (when) => [
    `# hik2humand settings, written by \`hik2humand init\` on ${when}.`,
    '# Secrets live here only: keep this file mode 600 (owner read/write), never commit or mail it.',
    '# Every setting: docs/configuration.md. Check after any change: hik2humand doctor',
  ],
  envHik: '# HikCentral Professional (System > Open API: the partner app key and secret)',
  envCaCert: "# HikCentral's own (self-signed) certificate, fetched and pinned by init",
  envHumand: '# Humand API key',
  envLanguage: '# The language of the CLI (doctor, status, sync...) and of the alerts: en or es',
  envDryRun: '# true: decide and log every punch without sending it (to watch the first passes); false: send to Humand.',
  yamlHeader: (when) => [
    `# hik2humand site rules, written by \`hik2humand init\` on ${when}.`,
    '# Reference with every option: config.example.yaml and docs/configuration.md.',
  ],
  yamlTimeClocks: [
    '# Time clocks: the readers whose passages are clock entries, matched by the reader name exactly',
    '# as HikCentral spells it. Every other door is recorded as "ignored: not a time-clock door".',
  ],
  clockSeen: (readerIndexCode, doorName, passages) =>
    [readerIndexCode ? `reader ${readerIndexCode}` : null, doorName ? `door "${doorName}"` : null, `${count(passages, 'passage', 'passages')} when init looked`]
      .filter(Boolean)
      .join(', '),
  yamlAlternate: '# no direction in the name: clock-in, clock-out, ... per employee and day',
  yamlWho: '# Who is it?',
  yamlDebounce: '# double taps within this merge into the first',
  yamlDayBoundary: '# a working day starts at 04:00 site time (night shifts)',
  yamlAlternation: '# two clock-ins in a row in a working day: the second is not sent',
};
