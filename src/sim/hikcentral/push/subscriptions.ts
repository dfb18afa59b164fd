export interface Subscription {
  readonly eventType: number;
  readonly eventDest: string;
  readonly token: string | null;
  readonly passBack: number | null;
  /** Sim time the type was first subscribed: events that arrived earlier are never pushed. */
  readonly since: number;
}

/** Which event types are pushed where; one destination per event type, as the platform keeps it. */
export class SubscriptionRegistry {
  private readonly byType = new Map<number, Subscription>();

  subscribe(eventTypes: readonly number[], eventDest: string, token: string | null, passBack: number | null, now: number): void {
    for (const eventType of eventTypes) {
      const since = this.byType.get(eventType)?.since ?? now;
      this.byType.set(eventType, { eventType, eventDest, token, passBack, since });
    }
  }

  unsubscribe(eventTypes: readonly number[]): void {
    for (const eventType of eventTypes) this.byType.delete(eventType);
  }

  forType(eventType: number): Subscription | undefined {
    return this.byType.get(eventType);
  }

  list(): Subscription[] {
    return [...this.byType.values()].sort((a, b) => a.eventType - b.eventType);
  }

  /** The `eventSubscriptionView` shape: one entry per destination. */
  view(): Array<{ eventTypes: number[]; eventDest: string }> {
    const byDest = new Map<string, number[]>();
    for (const subscription of this.list()) {
      const types = byDest.get(subscription.eventDest) ?? [];
      types.push(subscription.eventType);
      byDest.set(subscription.eventDest, types);
    }
    return [...byDest].map(([eventDest, eventTypes]) => ({ eventTypes, eventDest }));
  }
}
