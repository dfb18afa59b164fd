import type { Clock } from '../../domain/ports.js';
import type { HikScenario, SimDoor, SimEvent, SimPerson } from '../scenario/types.js';
import type { PushAttempt, PushCopy, PushEngine } from './push/push-engine.js';
import type { Subscription, SubscriptionRegistry } from './push/subscriptions.js';
import type { LoggedRequest, RequestCounts, RequestLog } from './request-log.js';
import type { SimEventInput, SimWorld } from './world.js';

/** In-process control and inspection of a running simulator. */
export interface HikSimState {
  /** The scenario clock's now (epoch ms). */
  now(): number;
  readonly timezone: string;
  /** Replaces persons, doors, events and the site timezone. */
  loadScenario(scenario: HikScenario): void;
  /** Adds or replaces (by personId). */
  addPersons(persons: readonly SimPerson[]): void;
  removePerson(personId: string): boolean;
  listPersons(): SimPerson[];
  /** Adds or replaces (by doorIndexCode). */
  addDoors(doors: readonly SimDoor[]): void;
  listDoors(): SimDoor[];
  /** Adds or replaces (by eventId); an event stays invisible to poll and push until its arrivalTime. */
  addEvents(events: readonly SimEventInput[]): SimEvent[];
  listEvents(): readonly SimEvent[];
  /** Events received by now. */
  visibleEvents(): SimEvent[];
  subscriptions(): Subscription[];
  /** Delivers every push due at the scenario clock's now (new events, re-pushes, re-sends). */
  pumpPush(): Promise<void>;
  /** Queues copies of subscribed events received in the last `sinceMs`, with new eventIds unless told otherwise. */
  repushRecent(options: { sinceMs: number; freshEventIds?: boolean }): PushCopy[];
  pushAttempts(): readonly PushAttempt[];
  /** Every re-pushed copy made (manual or automatic), with the eventId it was given. */
  pushCopies(): readonly PushCopy[];
  pendingPushEvents(): number;
  requests(): readonly LoggedRequest[];
  requestCounts(): RequestCounts;
  resetRequestLog(): void;
}

export function createState(parts: {
  world: SimWorld;
  clock: Clock;
  subscriptions: SubscriptionRegistry;
  push: PushEngine;
  requestLog: RequestLog;
}): HikSimState {
  const { world, clock, subscriptions, push, requestLog } = parts;
  return {
    now: () => clock.now(),
    get timezone() {
      return world.timezone;
    },
    loadScenario: (scenario) => world.load(scenario),
    addPersons: (persons) => world.addPersons(persons),
    removePerson: (personId) => world.removePerson(personId),
    listPersons: () => world.listPersons(),
    addDoors: (doors) => world.addDoors(doors),
    listDoors: () => world.listDoors(),
    addEvents: (events) => world.addEvents(events),
    listEvents: () => world.listEvents(),
    visibleEvents: () => world.visibleEvents(clock.now()),
    subscriptions: () => subscriptions.list(),
    pumpPush: () => push.pump(),
    repushRecent: (options) => push.repushRecent(options),
    pushAttempts: () => push.attempts(),
    pushCopies: () => push.copies(),
    pendingPushEvents: () => push.pendingEvents(),
    requests: () => requestLog.list(),
    requestCounts: () => requestLog.counts(),
    resetRequestLog: () => requestLog.reset(),
  };
}
