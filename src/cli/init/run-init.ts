import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../app/create-app.js';
import { DEFAULT_GRANTED_EVENT_CODES } from '../../config/event-codes.js';
import { isTimeZone, parseDuration } from '../../config/parse-values.js';
import { ConfigurationError } from '../../domain/errors.js';
import type { HikPerson } from '../../domain/hik-person.js';
import type { Logger } from '../../logging/logger.js';
import { doctorWords } from '../doctor/doctor-words.js';
import { formatDoctor } from '../doctor/format.js';
import type { CliLanguage } from '../i18n/language.js';
import { cliText } from '../i18n/text.js';
import { runDoctor, type DoctorReport } from '../doctor/run-doctor.js';
import type { CliIo } from '../io.js';
import { readSettings } from '../settings.js';
import { connectHikCentral, connectHumand, hikClient } from './connect.js';
import { initWords, type InitWords } from './init-words.js';
import type { Prompter } from './prompter.js';
import { ReaderTally } from './readers.js';
import { configFileText, envFileText, writeSiteFile, type SiteAnswers } from './site-files.js';
import { chooseMapping, chooseTimeClocks } from './site-rules.js';
import { ZoneTally } from './zone-check.js';
import { syncAttention } from '../format/sync-attention.js';

/** Every answer init asks for, as a flag (unattended use: --yes plus these). */
export interface InitFlags {
  readonly dir?: string;
  readonly hikHost?: string;
  readonly hikAppKey?: string;
  readonly hikSecret?: string;
  readonly trustCertificate?: boolean;
  readonly humandUrl?: string;
  readonly humandKey?: string;
  readonly timezone?: string;
  readonly timeClock?: readonly string[];
  readonly mapping?: string;
  readonly days?: string;
  readonly preview?: string;
  readonly force?: boolean;
  /** What init speaks and writes its comments in; it stays the site's language (HIK2HUMAND_LANG, ALERT_LANGUAGE). */
  readonly language?: CliLanguage;
}

export interface InitResult {
  readonly envFile: string;
  readonly configFile: string;
  readonly doctor: DoctorReport;
  /** Requests the DRY_RUN preview would have sent. */
  readonly wouldSend: number;
}

const CA_FILE = 'certs/hikcentral-ca.pem';

function durationFlag(value: string | undefined, fallback: number, flag: string, w: InitWords): number {
  if (value === undefined) return fallback;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) throw new ConfigurationError(w.notDuration(flag, value), { code: 'INIT_FLAG', hint: w.durationExample(flag) });
  return ms;
}

async function askTimezone(flag: string | undefined, prompter: Prompter | null, io: CliIo, w: InitWords): Promise<string> {
  const host = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let zone = flag;
  for (;;) {
    if (zone === undefined) zone = prompter ? await prompter.text(w.zonePrompt, { default: host }) : host;
    if (isTimeZone(zone.trim())) {
      io.out(w.zoneOk(zone.trim(), zone.trim() === host));
      return zone.trim();
    }
    io.out(w.zoneInvalid(zone));
    if (prompter === null) throw new ConfigurationError(w.zoneFlagInvalid(zone), { code: 'INIT_FLAG', hint: w.zoneFlagHint });
    zone = undefined;
  }
}

/** Refuses to overwrite a site's files unless told to. */
async function mayWrite(files: readonly string[], force: boolean, prompter: Prompter | null, w: InitWords): Promise<void> {
  const existing = files.filter((f) => fs.existsSync(f));
  if (existing.length === 0 || force) return;
  if (prompter !== null && (await prompter.confirm(w.replacePrompt(existing), false))) return;
  throw new ConfigurationError(w.filesExist(existing), { code: 'INIT_EXISTS', hint: w.filesExistHint });
}

/**
 * `hik2humand init`: HikCentral and Humand checked as they are entered, time clocks proposed
 * from the readers' names and passages, the mapping chosen by measured coverage, then .env
 * (mode 600) and hik2humand.yaml written, doctor run and a DRY_RUN pass shown.
 */
export async function runInit(flags: InitFlags, prompter: Prompter | null, io: CliIo, logger: Logger, now: () => Date = () => new Date()): Promise<InitResult> {
  const language = flags.language ?? 'en';
  const w = initWords(language);
  const dir = path.resolve(flags.dir ?? process.cwd());
  const envFile = path.join(dir, '.env');
  const configFile = path.join(dir, 'hik2humand.yaml');
  const daysMs = durationFlag(
    flags.days === undefined ? undefined : /^\d+$/.test(flags.days) ? `${Number(flags.days) * 24}h` : flags.days,
    7 * 24 * 3_600_000,
    'days',
    w,
  );
  const previewMs = durationFlag(flags.preview, 3_600_000, 'preview', w);
  await mayWrite([envFile, configFile], flags.force === true, prompter, w);

  io.out('HikCentral');
  const timezone = await askTimezone(flags.timezone, prompter, io, w);
  const hik = await connectHikCentral(
    { host: flags.hikHost, appKey: flags.hikAppKey, secret: flags.hikSecret, trustCertificate: flags.trustCertificate },
    prompter,
    io,
    logger,
    timezone,
    language,
  );
  io.out('\nHumand');
  const humand = await connectHumand({ baseUrl: flags.humandUrl, auth: flags.humandKey }, prompter, io, logger, language);

  const client = hikClient(hik.config, logger, timezone);
  const tally = new ReaderTally(new Set(DEFAULT_GRANTED_EVENT_CODES));
  const zoneTally = new ZoneTally(timezone);
  const persons: HikPerson[] = [];
  try {
    const end = now().getTime();
    io.out(w.reading(Math.round(daysMs / 86_400_000)));
    const scan = client.scanDoorEvents({ startMs: end - daysMs, endMs: end, doorIndexCodes: [], eventCodes: [] });
    const started = Date.now();
    let count = 0;
    for await (const event of scan) {
      tally.add(event);
      zoneTally.add(event);
      count += 1;
    }
    for await (const person of client.listPersons()) persons.push(person);
    io.out(w.readCounts(count, persons.length, ((Date.now() - started) / 1000).toFixed(1)));
  } finally {
    await client.close();
  }
  const users = await humand.client.listUsers().finally(() => humand.client.close());
  if (!users.ok) throw new ConfigurationError(w.usersUnreadable(users.failure.message), { code: 'INIT_USERS', hint: w.usersUnreadableHint });

  const zone = zoneTally.result();
  if (zone !== null && zone.agree === zone.total) io.out(w.zoneAgrees(zone.seen, timezone));
  else if (zone !== null) io.out(w.zoneDisagrees(zone.total - zone.agree, zone.total, zone.seen, timezone));

  const readers = tally.readers();
  const clocks = await chooseTimeClocks(readers, flags.timeClock, prompter, io, Math.round(daysMs / 86_400_000), w);
  const mapping = await chooseMapping(persons, users.value, flags.mapping, prompter, io, w);

  const answers: SiteAnswers = {
    hikHost: hik.config.baseUrl,
    hikAppKey: hik.config.appKey,
    hikSecret: hik.config.appSecret,
    hikCaCert: hik.caPem ? `./${CA_FILE}` : null,
    humandBaseUrl: humand.baseUrl,
    humandAuth: humand.auth,
    timezone,
    clocks,
    mapping: { strategy: mapping.strategy, customField: mapping.customField },
    mappingNote: mapping.note,
    language,
  };
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  if (hik.caPem) {
    fs.mkdirSync(path.join(dir, path.dirname(CA_FILE)), { recursive: true });
    writeSiteFile(path.join(dir, CA_FILE), hik.caPem, 0o644);
  }
  writeSiteFile(envFile, envFileText(answers, now(), w), 0o600);
  writeSiteFile(configFile, configFileText(answers, now(), w), 0o644);
  io.out(w.wrote(envFile, configFile, hik.caPem ? path.join(dir, CA_FILE) : null));

  // Check what was written, as the service will read it: the files alone, not this shell's environment.
  const settings = readSettings({}, { cwd: dir, processEnv: {} });
  const doctor = await runDoctor(settings, logger);
  io.out(`\n${formatDoctor(doctor, doctorWords(settings.language)).join('\n')}`);

  const wouldSend = await previewDryRun(dir, previewMs, io, logger, language);
  io.out(w.next);
  return { envFile, configFile, doctor, wouldSend };
}

/** A DRY_RUN pass over the last `previewMs` into a throw-away ledger: what would be sent, nothing sent, the real ledger untouched. */
async function previewDryRun(dir: string, previewMs: number, io: CliIo, logger: Logger, language: CliLanguage): Promise<number> {
  const w = initWords(language);
  const text = cliText(language);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-init-'));
  try {
    const hours = Math.round((previewMs / 3_600_000) * 10) / 10;
    const settings = readSettings(
      {},
      { cwd: dir, processEnv: { DRY_RUN: 'true', DATABASE_PATH: path.join(scratch, 'preview.db'), POLL_INITIAL_LOOKBACK: `${Math.round(previewMs / 1000)}s` } },
    );
    const app = await createApp({ config: settings.config, logger });
    try {
      const summary = await app.syncOnce();
      const wouldSend = await app.punches({ outcome: 'dry-run' });
      io.out(w.previewSummary(hours, text.tally(Object.fromEntries(Object.entries(summary.counts).filter(([, n]) => n > 0)))));
      for (const punch of wouldSend.slice(0, 20)) {
        const who = punch.personName ?? punch.personId ?? '?';
        const at = text.localTime(Date.parse(punch.request?.now ?? punch.eventTime), settings.config.siteTimezone);
        io.out(w.wouldSend(punch.entryType === 'END', punch.employeeId ?? '?', at, who, punch.readerName ?? punch.doorName ?? '?'));
      }
      if (wouldSend.length > 20) io.out(w.andMore(wouldSend.length - 20));
      for (const line of syncAttention(summary, text)) io.out(w.attention(line));
      return wouldSend.length;
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
