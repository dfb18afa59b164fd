import type { App } from '../../app/types.js';
import type { Logger } from '../../logging/logger.js';
import type { HumandSimulator } from '../../sim/humand/index.js';

/** What the demo does to the simulated Humand, one step after another, so the dashboard shows the hard parts. */
export interface DemoIncident {
  /** After how many steps from the start. */
  readonly atStep: number;
  readonly says: string;
  run(): Promise<void> | void;
}

export interface DemoIncidentsOptions {
  readonly app: App;
  readonly humand: HumandSimulator;
  /** The employee whose first punch dies: Humand answers 500 to their clock requests until step 6. */
  readonly failingEmployee: string | null;
  readonly logger: Logger;
}

/**
 * The script: a punch that dies after its retries (and the punches behind it wait), Humand out
 * of reach for a while (the red banner; punches kept, sent afterwards), the key refused
 * (delivery pauses, one punch probed now and then, resumes by itself), and at the end the
 * dead punch re-driven as a person would from the Problems page.
 */
export function demoIncidents(options: DemoIncidentsOptions): DemoIncident[] {
  const { app, humand, failingEmployee } = options;
  // The service notices at its next request to Humand; the demo makes one at once (a users refresh), as a busy plant would.
  const askHumand = () => app.refreshMappings().then(() => undefined);
  const incidents: DemoIncident[] = [
    {
      atStep: 2,
      says: 'Humand is out of reach now (simulated outage): the dashboard says so at once; punches are kept and retried',
      run: () => {
        humand.faults.set({ resetNext: 1_000_000 });
        return askHumand();
      },
    },
    {
      atStep: 3,
      says: 'Humand answers again: the waiting punches go out',
      run: () => {
        humand.faults.set({ resetNext: 0 });
        return askHumand();
      },
    },
    {
      atStep: 4,
      says: 'Humand refuses the API key now (403, as when a key loses its permission): delivery pauses, one punch is tried now and then',
      run: () => {
        humand.state.setForbidden(true);
        return askHumand();
      },
    },
    { atStep: 5, says: 'the key works again: the next probe gets through and delivery resumes by itself', run: () => humand.state.setForbidden(false) },
  ];
  if (failingEmployee !== null) {
    incidents.unshift({
      atStep: 0,
      says: `Humand answers 500 to every clock of employee ${failingEmployee} for now: their first punch dies after its retries, the ones after it wait (Problems page)`,
      run: () => humand.faults.set({ failClocksOf: failingEmployee }),
    });
    incidents.push({
      atStep: 6,
      says: 'Humand takes that employee again; the dead punch is re-driven as a person would do from the Problems page ("Re-drive")',
      run: async () => {
        humand.faults.set({ failClocksOf: null });
        const redriven = await app.deadLetters.retry({ all: true, outcomes: ['dead'] });
        options.logger.info({ redriven }, `demo: ${redriven} dead punch(es) re-driven`);
      },
    });
  }
  return incidents;
}

/** Runs the script on timers; returns a function that cancels what has not run yet. */
export function playIncidents(incidents: readonly DemoIncident[], stepMs: number, logger: Logger): () => void {
  const timers = incidents.map((incident) =>
    setTimeout(() => {
      logger.info({ step: incident.atStep }, `demo incident: ${incident.says}`);
      void Promise.resolve()
        .then(() => incident.run())
        .catch((error: unknown) => logger.warn({ err: error }, 'a demo incident failed'));
    }, incident.atStep * stepMs),
  );
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearTimeout);
}
