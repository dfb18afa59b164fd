import type { PipelineContext } from '../pipeline/context.js';
import { markFixedInHumand, PROBLEM_OUTCOMES, redrive } from '../pipeline/problems.js';
import type { PunchOutcome, PunchQuery } from '../store/punch.js';
import type { DeadLetterSelection, PunchView } from './types.js';

/** Punches as people look at them (with their delivery history), and what they do about the problem ones. */
export class PunchDesk {
  constructor(
    private readonly context: PipelineContext,
    /** Called after a re-drive or a fix so that delivery picks the punches up. */
    private readonly wakeDelivery: () => void,
  ) {}

  async punches(query: PunchQuery = {}): Promise<PunchView[]> {
    const { store } = this.context;
    const records = await store.findPunches(query);
    const attempts = await store.attemptsOfMany(records.map((record) => record.id));
    return records.map((record) => ({ ...record, history: attempts.get(record.id) ?? [] }));
  }

  readonly deadLetters = {
    list: (): Promise<PunchView[]> => this.punches({ outcome: PROBLEM_OUTCOMES, limit: 10_000 }),
    retry: async (selection: DeadLetterSelection): Promise<number> => {
      const count = await redrive(this.context, await this.selected(selection, PROBLEM_OUTCOMES));
      this.wakeDelivery();
      return count;
    },
    markFixed: async (selection: DeadLetterSelection, by: string): Promise<number> => {
      const count = await markFixedInHumand(this.context, await this.selected(selection, [...PROBLEM_OUTCOMES, 'waiting', 'unmapped']), by);
      this.wakeDelivery();
      return count;
    },
  };

  private async selected(selection: DeadLetterSelection, outcomes: readonly PunchOutcome[]) {
    const { store } = this.context;
    if ('all' in selection) return store.listByOutcome(selection.outcomes === undefined ? outcomes : outcomes.filter((o) => selection.outcomes!.includes(o)));
    return (await store.findPunches({ ids: selection.ids, limit: selection.ids.length })).filter((p) => outcomes.includes(p.outcome));
  }
}
