import { META_KEYS } from '../store/meta-keys.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { PersonDirectoryPort } from '../domain/ports.js';
import type { HikPerson } from '../domain/hik-person.js';
import type { HumandFailure } from '../domain/humand.js';
import type { PollConfig } from '../config/types.js';
import type { PipelineContext } from './context.js';
import type { HumandGateway } from './delivery/humand-gateway.js';
import { parseMappingCsv } from './decisions/mapping.js';
import { personAt, personFromPunches, updatePersonHistory, type PersonHistory } from './person-history.js';

export interface MappingRefresh {
  readonly persons: number | null;
  readonly users: number | null;
  readonly activeUsers: number | null;
  readonly csvEntries: number | null;
  /** True when something that can change a mapping was (re)loaded. */
  readonly changed: boolean;
  readonly problems: readonly string[];
  /** Humand refused the key while reading users (401/403). */
  readonly authFailure: { readonly reason: string; readonly hint: string } | null;
  /** Humand answered the user read: the key works. */
  readonly humandReachable: boolean;
}

/** A refresh that did not happen (no Humand configured). */
export const NO_MAPPING_REFRESH: MappingRefresh = {
  persons: null,
  users: null,
  activeUsers: null,
  csvEntries: null,
  changed: false,
  problems: [],
  authFailure: null,
  humandReachable: false,
};

/** What mapping depends on, as the ledger and this process hold it now. */
export interface MappingInputs {
  /** Humand users were listed at least once (by any process on this ledger). */
  readonly usersLoaded: boolean;
  /** HikCentral persons were listed at least once, or there is no HikCentral to list them from. */
  readonly personsLoaded: boolean;
  /** The mapping file is loaded, or the strategy needs none. */
  readonly csvLoaded: boolean;
  /** Changes whenever the content of any of them changes (not on a refresh that found the same). */
  readonly version: string;
}

const USERS_DIGEST = 'users_digest';
const PERSONS_DIGEST = 'persons_digest';
/** Persons gone from HikCentral's listing or whose code changed (person-history.ts), as JSON. */
const PERSON_HISTORY = 'hik_person_history';
/** How many of a person's latest punches are looked at for a code they once had. */
const PUNCHES_FOR_CODE = 50;
/** Another instance sharing the ledger may have refreshed the persons: its history is seen within this. */
const HISTORY_REREAD_MS = 60_000;

/** A digest of a listing, independent of the order it came in. */
function digestOf(records: readonly unknown[]): string {
  const hash = createHash('sha256');
  for (const line of records.map((r) => JSON.stringify(r)).sort()) hash.update(line).update('\n');
  return hash.digest('hex');
}

/**
 * Keeps what mapping needs: the HikCentral persons cache, the Humand users cache (only
 * ACTIVE users count, decided at mapping time) and the CSV mapping file (reloaded when it changes).
 */
export class MappingDirectory {
  private csv: Map<string, string> | null = null;
  private csvMtimeMs: number | null = null;
  /** personIds HikCentral did not know in this process; asked again after a full refresh. */
  private readonly unknownPersons = new Set<string>();
  /** The person history as last read from the ledger (text and parsed), re-parsed only when it changed. */
  private historyText: string | null = null;
  private historyValue: PersonHistory = {};
  /** When the history was last read from the ledger (it is read per punch: at most once a minute). */
  private historyReadMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly context: PipelineContext,
    private readonly persons: PersonDirectoryPort | null,
    private readonly gateway: HumandGateway,
    private readonly poll: PollConfig,
  ) {}

  csvMap(): ReadonlyMap<string, string> | null {
    return this.csv;
  }

  async inputs(): Promise<MappingInputs> {
    const { store } = this.context;
    const [usersAt, personsAt, usersDigest, personsDigest] = [
      await store.usersRefreshedAt(),
      await store.personsRefreshedAt(),
      await store.getMeta(USERS_DIGEST),
      await store.getMeta(PERSONS_DIGEST),
    ];
    return {
      usersLoaded: usersAt !== null,
      personsLoaded: this.persons === null || personsAt !== null,
      csvLoaded: this.context.rules.mapping.strategy !== 'csv' || this.csv !== null,
      // A cache filled before digests were kept counts by its refresh time.
      version: `${usersDigest ?? usersAt}|${personsDigest ?? personsAt}|${this.csvMtimeMs}`,
    };
  }

  /**
   * The person as known at `atMs` (the punch's instant; unknown = now): the cached one, or one
   * read from HikCentral on a cache miss (`log`: the punch's logger). A person HikCentral no
   * longer has keeps the last known personCode — from the history kept at each persons refresh,
   * else from the code recorded on their own earlier punches — so an employee deleted at noon
   * still gets their afternoon clock-out delivered. A changed personCode applies from the
   * listing that first saw it; punches before that keep the old code.
   */
  async person(personId: string, log: Logger = this.context.logger, atMs: number | null = null): Promise<HikPerson | null> {
    const cached = await this.context.store.getPerson(personId);
    if (cached !== null) {
      const entry = (await this.history())[personId];
      return entry === undefined ? cached : personAt({ ...entry, last: cached }, atMs);
    }
    if (this.persons !== null && !this.unknownPersons.has(personId)) {
      try {
        const person = await this.persons.getPersonById(personId);
        if (person !== null) {
          await this.context.store.upsertPerson(person, this.context.clock.now());
          return person;
        }
        this.unknownPersons.add(personId);
      } catch (error) {
        log.warn({ err: error, personId }, 'could not read a person from HikCentral');
      }
    }
    return this.lastKnown(personId, atMs, log);
  }

  private async lastKnown(personId: string, atMs: number | null, log: Logger): Promise<HikPerson | null> {
    // Rare (a person HikCentral does not have): read what another instance may just have recorded.
    const entry = (await this.history(true))[personId];
    const person =
      entry !== undefined
        ? personAt(entry, atMs)
        : personFromPunches(personId, await this.context.store.findPunches({ personId, order: 'desc', limit: PUNCHES_FOR_CODE }), atMs);
    if (person !== null) log.debug({ personId, personCode: person.personCode }, 'person no longer in HikCentral: using the last known personCode');
    return person;
  }

  private async history(fresh = false): Promise<PersonHistory> {
    const now = this.context.clock.now();
    if (!fresh && now - this.historyReadMs < HISTORY_REREAD_MS) return this.historyValue;
    const text = await this.context.store.getMeta(PERSON_HISTORY);
    this.historyReadMs = now;
    if (text !== this.historyText) {
      this.historyText = text;
      try {
        this.historyValue = text === null ? {} : (JSON.parse(text) as PersonHistory);
      } catch {
        this.historyValue = {};
      }
    }
    return this.historyValue;
  }

  async refreshPersons(signal?: AbortSignal): Promise<number> {
    if (this.persons === null) return 0;
    const all: HikPerson[] = [];
    for await (const person of this.persons.listPersons(signal)) all.push(person);
    const now = this.context.clock.now();
    const before = await this.context.store.listPersons();
    const history = await this.history(true);
    const next = JSON.stringify(updatePersonHistory(history, before, all, now));
    if (next !== (this.historyText ?? '{}')) {
      await this.context.store.setMeta(PERSON_HISTORY, next);
      this.historyText = next;
      this.historyValue = JSON.parse(next) as PersonHistory;
    }
    await this.context.store.replacePersons(all, now);
    await this.context.store.setMeta(PERSONS_DIGEST, digestOf(all));
    this.unknownPersons.clear();
    this.context.logger.info({ persons: all.length }, 'HikCentral persons refreshed');
    return all.length;
  }

  async refreshUsers(signal?: AbortSignal): Promise<{ ok: true; users: number; active: number } | { ok: false; failure: HumandFailure }> {
    const previous = await this.context.store.getMeta(META_KEYS.usersCount);
    const result = await this.gateway.listUsers(Number(previous ?? '0'), signal);
    if (!result.ok) {
      this.context.logger.warn({ failure: result.failure.kind, status: result.failure.status, message: result.failure.message }, 'could not read Humand users');
      return { ok: false, failure: result.failure };
    }
    await this.context.store.replaceUsers(result.value, this.context.clock.now());
    await this.context.store.setMeta(META_KEYS.usersCount, String(result.value.length));
    await this.context.store.setMeta(USERS_DIGEST, digestOf(result.value));
    const active = result.value.filter((u) => u.status === 'ACTIVE').length;
    this.context.logger.info({ users: result.value.length, active }, 'Humand users refreshed');
    return { ok: true, users: result.value.length, active };
  }

  /** Loads the CSV mapping file when configured and changed since the last load. */
  reloadCsv(): { entries: number | null; changed: boolean; problems: string[] } {
    const file = this.context.rules.mapping.strategy === 'csv' ? this.context.rules.mapping.csvFile : null;
    if (file === null) return { entries: null, changed: false, problems: [] };
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch (error) {
      return { entries: this.csv?.size ?? null, changed: false, problems: [`mapping file ${file}: ${(error as Error).message}`] };
    }
    if (this.csv !== null && mtimeMs === this.csvMtimeMs) return { entries: this.csv.size, changed: false, problems: [] };
    const { map, problems } = parseMappingCsv(fs.readFileSync(file, 'utf8'));
    for (const problem of problems) this.context.logger.warn({ file }, `mapping file: ${problem}`);
    this.csv = map;
    this.csvMtimeMs = mtimeMs;
    this.context.logger.info({ file, entries: map.size }, 'mapping file loaded');
    return { entries: map.size, changed: true, problems };
  }

  /** Refreshes whatever is stale (or everything with `force`). */
  async refresh(options: { force?: boolean; signal?: AbortSignal } = {}): Promise<MappingRefresh> {
    const now = this.context.clock.now();
    const problems: string[] = [];
    let persons: number | null = null;
    let users: number | null = null;
    let activeUsers: number | null = null;
    const personsAt = await this.context.store.personsRefreshedAt();
    if (options.force || personsAt === null || now - personsAt >= this.poll.personsRefreshMs) {
      try {
        persons = await this.refreshPersons(options.signal);
      } catch (error) {
        problems.push(`HikCentral persons: ${(error as Error).message}`);
        this.context.logger.warn({ err: error }, 'could not refresh HikCentral persons');
      }
    }
    let authFailure: MappingRefresh['authFailure'] = null;
    let humandReachable = false;
    const usersAt = await this.context.store.usersRefreshedAt();
    if (options.force || usersAt === null || now - usersAt >= this.poll.usersRefreshMs) {
      const refreshed = await this.refreshUsers(options.signal);
      if (!refreshed.ok) {
        const { failure } = refreshed;
        problems.push(`Humand users could not be read: ${failure.status ?? ''} ${failure.message}`.replace('  ', ' '));
        if (failure.kind === 'forbidden' || failure.kind === 'unauthorised') {
          authFailure = {
            reason: `Humand answered ${failure.status} ${failure.code ?? ''}: ${failure.message}`.replace('  ', ' '),
            hint:
              failure.kind === 'unauthorised'
                ? 'check HUMAND_AUTH: Humand does not know this key'
                : "give the key's user access (or allow this IP in /api-keys/allowed-ips); punches are kept",
          };
        }
      } else {
        users = refreshed.users;
        activeUsers = refreshed.active;
        humandReachable = true;
      }
    }
    const csv = this.reloadCsv();
    problems.push(...csv.problems);
    return {
      persons,
      users,
      activeUsers,
      csvEntries: csv.entries,
      changed: persons !== null || users !== null || csv.changed,
      problems,
      authFailure,
      humandReachable,
    };
  }
}
