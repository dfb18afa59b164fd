import type { PunchRecord, PunchUpdate } from '../store/punch.js';
import { announce, punchLogger, type PipelineContext } from './context.js';
import { chooseActiveUser, mappingKeyOf } from './decisions/mapping.js';
import { classifyPassage } from './decisions/passage.js';
import { isBeyondSkew, workingDayOf } from './decisions/time.js';
import type { MappingDirectory, MappingInputs } from './mapping-directory.js';
import { rederiveBehind } from './rederive.js';

export interface EvaluationSummary {
  readonly evaluated: number;
  readonly queued: number;
  readonly ignored: number;
  readonly unmapped: number;
  readonly held: number;
}

export const NO_EVALUATION: EvaluationSummary = { evaluated: 0, queued: 0, ignored: 0, unmapped: 0, held: 0 };

/** Why a punch is not decided yet: what mapping needs was never loaded. */
type NotYet = { readonly wait: string };

/**
 * First decisions on newly recorded punches (and on parked ones when a mapping may have
 * appeared): is it a time-clock passage, who is it, is its time in the future. Order-dependent
 * decisions (debounce, direction, alternation) wait for delivery, after the settle delay.
 *
 * Per-employee order depends on two rules here. A punch is never parked as `unmapped` while
 * what mapping needs (Humand users; HikCentral persons or the mapping file when the strategy
 * needs them) was never loaded: it stays `received` until it is. And a person's parked punches
 * are decided again in the same evaluation (one commit) as that person's new punch, so a
 * mapping that appears between two punches can never let the later one be sent first.
 * All parked punches are looked at again only when the mapping inputs changed (Humand users,
 * HikCentral persons or the mapping file, by content), not on every pass.
 */
export class Evaluator {
  /** The mapping inputs every parked punch was last decided against (null: not in this process yet). */
  private checkedVersion: string | null = null;

  constructor(
    private readonly context: PipelineContext,
    private readonly mappings: MappingDirectory,
  ) {}

  /** `recheckUnmapped`: decide every parked punch again even when the mapping inputs did not change. */
  async evaluate(options: { recheckUnmapped?: boolean } = {}): Promise<EvaluationSummary> {
    const { store } = this.context;
    const inputs = await this.mappings.inputs();
    // Parked punches can only change when what mapping depends on changed (or their person punches again, below).
    const recheckAll = options.recheckUnmapped === true || inputs.version !== this.checkedVersion;
    const punches = await store.listByOutcome(recheckAll ? ['received', 'unmapped'] : ['received']);
    const decided: { punch: PunchRecord; update: PunchUpdate }[] = [];
    const seen = new Set(punches.map((p) => p.id));
    const involved = new Set<string>();
    const undecided = { punches: 0, waitingFor: '' };
    const decideAll = async (batch: readonly PunchRecord[]) => {
      for (const punch of batch) {
        const decision = await this.decide(punch, inputs);
        if ('wait' in decision) {
          undecided.punches++;
          undecided.waitingFor = decision.wait;
          continue;
        }
        if (punch.outcome === 'received' && punch.personId !== null && decision.outcome !== 'ignored') involved.add(punch.personId);
        decided.push({ punch, update: decision });
      }
    };
    await decideAll(punches);
    if (!recheckAll) {
      // The parked punches of everyone who just punched go with the new punch, in the same commit.
      for (const personId of involved) {
        const parked = (await store.findPunches({ personId, outcome: 'unmapped', limit: 100_000 })).filter((p) => !seen.has(p.id));
        for (const p of parked) seen.add(p.id);
        await decideAll(parked);
      }
    }
    const updates = decided.filter(
      ({ punch, update }) => update.outcome !== punch.outcome || update.reason !== punch.reason || update.employeeId !== punch.employeeId,
    );
    // Guarded: on a shared ledger another instance may have decided (and delivered) it meanwhile.
    if (updates.length > 0)
      await store.updatePunches(
        updates.map(({ punch, update }) => ({ ...update, expectedOutcome: punch.outcome })),
        this.context.clock.now(),
      );
    if (recheckAll) this.checkedVersion = inputs.version;
    await this.rederiveBehind(updates);
    if (undecided.punches > 0) this.context.logger.debug(undecided, 'punches left undecided until what mapping needs is loaded');
    const counts = { evaluated: decided.length, queued: 0, ignored: 0, unmapped: 0, held: 0 };
    for (const { punch, update } of updates) {
      if (update.outcome === 'queued') counts.queued++;
      else if (update.outcome === 'ignored') counts.ignored++;
      else if (update.outcome === 'unmapped') counts.unmapped++;
      else if (update.outcome === 'held') counts.held++;
      if (update.outcome !== punch.outcome) {
        announce(this.context, punch, update);
        const log = punchLogger(this.context, punch);
        const fields = {
          outcome: update.outcome,
          reason: update.reason ?? undefined,
          employee: update.employeeId ?? undefined,
          door: punch.doorName ?? punch.doorIndexCode,
          eventTime: punch.eventTime,
        };
        // Events at other doors are most of the traffic: debug, so the log shows the punches.
        if (update.outcome === 'unmapped') log.warn(fields, 'mapping failure: punch parked until a mapping appears');
        else if (update.outcome === 'ignored') log.debug(fields, 'event processed: ignored');
        else log.info(fields, `event processed: ${update.outcome}`);
      }
    }
    return counts;
  }

  /** The first decision this punch would get now, without recording it (null: not decidable yet). */
  async preview(punch: PunchRecord): Promise<PunchUpdate | null> {
    const decision = await this.decide(punch, await this.mappings.inputs());
    return 'wait' in decision ? null : decision;
  }

  /**
   * A punch that arrives after later punches of its employee were decided (a device uploading
   * late, a mapping that appeared) changes the facts those decisions were made on: they are made
   * again, in order, behind it.
   */
  private async rederiveBehind(updates: readonly { punch: PunchRecord; update: PunchUpdate }[]): Promise<void> {
    const changed = updates
      .filter(({ update }) => update.outcome === 'queued' || update.outcome === 'held')
      .map(({ punch, update }) => ({ id: punch.id, eventMs: punch.eventMs, employeeId: update.employeeId ?? punch.employeeId }));
    await rederiveBehind(this.context, changed);
  }

  private async decide(punch: PunchRecord, inputs: MappingInputs): Promise<PunchUpdate | NotYet> {
    const { rules } = this.context;
    if (punch.eventMs === null) return { id: punch.id, outcome: 'ignored', reason: `ignored: unreadable event time "${punch.eventTime}"` };
    const passage = classifyPassage(punch, rules);
    if (passage.kind === 'ignored') return { id: punch.id, outcome: 'ignored', reason: passage.reason };
    if (!inputs.usersLoaded) return { wait: 'the first listing of Humand users' };
    if (!inputs.csvLoaded) return { wait: 'the mapping file' };
    const person = punch.personId === null ? null : await this.mappings.person(punch.personId, punchLogger(this.context, punch));
    const key = mappingKeyOf(punch, person, rules.mapping, this.mappings.csvMap());
    const personCode = punch.personCode === null && person?.personCode ? { personCode: person.personCode } : {};
    if (!key.ok && person === null && !inputs.personsLoaded) return { wait: 'the first listing of HikCentral persons' };
    if (!key.ok) return { id: punch.id, outcome: 'unmapped', reason: key.reason, employeeId: null, ...personCode };
    const field = rules.mapping.strategy === 'csv' ? null : rules.mapping.humandField;
    const candidates =
      field === null ? [await this.context.store.getUser(key.key)].filter((u) => u !== null) : await this.context.store.findUsersByField(field, key.key);
    const choice = chooseActiveUser(key.key, candidates, field);
    if (!choice.ok) return { id: punch.id, outcome: 'unmapped', reason: `${choice.reason} (${key.via})`, employeeId: null, ...personCode };
    const workingDay = workingDayOf(punch.eventMs, this.context.siteTimezone, rules.dayBoundaryHour);
    if (isBeyondSkew(punch.eventMs, this.context.clock.now(), rules.futureToleranceMs)) {
      return {
        id: punch.id,
        outcome: 'held',
        reason: 'held: the event time is in the future; delivered once it is not',
        employeeId: choice.user.employeeInternalId,
        workingDay,
        ...personCode,
      };
    }
    return { id: punch.id, outcome: 'queued', reason: null, employeeId: choice.user.employeeInternalId, workingDay, ...personCode };
  }
}
