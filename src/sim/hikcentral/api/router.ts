import type { Clock } from '../../../domain/ports.js';
import type { Envelope } from '../codes.js';
import type { SubscriptionRegistry } from '../push/subscriptions.js';
import type { SimWorld } from '../world.js';
import { doorEvents } from './door-events.js';
import { doorList } from './doors.js';
import { advancedPersonList, personByCode, personById, personList } from './persons.js';
import { subscribe, unsubscribe, viewSubscriptions } from './subscriptions.js';
import { version } from './version.js';

export interface ApiContext {
  readonly world: SimWorld;
  readonly subscriptions: SubscriptionRegistry;
  /** The scenario clock: "now" for late-arrival visibility and subscription start. */
  readonly clock: Clock;
  readonly requireEventTypeOrPersonName: boolean;
}

interface Route {
  readonly methods: readonly string[];
  readonly handle: (body: unknown, context: ApiContext) => Envelope;
}

const POST = ['POST'] as const;

export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [
    '/artemis/api/acs/v1/door/events',
    {
      methods: POST,
      handle: (body, c) => doorEvents(body, { world: c.world, now: c.clock.now(), requireEventTypeOrPersonName: c.requireEventTypeOrPersonName }),
    },
  ],
  ['/artemis/api/resource/v1/acsDoor/acsDoorList', { methods: POST, handle: (body, c) => doorList(body, c.world) }],
  ['/artemis/api/resource/v1/person/personList', { methods: POST, handle: (body, c) => personList(body, c.world) }],
  ['/artemis/api/resource/v1/person/advance/personList', { methods: POST, handle: (body, c) => advancedPersonList(body, c.world) }],
  ['/artemis/api/resource/v1/person/personId/personInfo', { methods: POST, handle: (body, c) => personById(body, c.world) }],
  ['/artemis/api/resource/v1/person/personCode/personInfo', { methods: POST, handle: (body, c) => personByCode(body, c.world) }],
  ['/artemis/api/eventService/v1/eventSubscriptionByEventTypes', { methods: POST, handle: (body, c) => subscribe(body, c.subscriptions, c.clock.now()) }],
  ['/artemis/api/eventService/v1/eventSubscriptionView', { methods: POST, handle: (_body, c) => viewSubscriptions(c.subscriptions) }],
  ['/artemis/api/eventService/v1/eventUnSubscriptionByEventTypes', { methods: POST, handle: (body, c) => unsubscribe(body, c.subscriptions) }],
  ['/artemis/api/common/v1/version', { methods: ['GET', 'POST'], handle: () => version() }],
]);

/** The route for a request, or null when no API answers this path with this method. */
export function findRoute(method: string, path: string): Route | null {
  const route = ROUTES.get(path);
  return route && route.methods.includes(method.toUpperCase()) ? route : null;
}
