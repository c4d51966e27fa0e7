import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingApi } from '../api/client.js';
import type { Slot } from '../api/types.js';
import { addMonths, groupByDay, localDate, monthRange } from '../lib/dates.js';

/** How many months after an empty one are searched for the next free day. */
const LOOKAHEAD_MONTHS = 6;

/** What the slots depend on; read afresh for every request. */
export interface SlotSource {
  client: BookingApi;
  provider: string;
  service?: number | undefined;
  zone: string;
}

/**
 * Free slots one month at a time for the chosen service, grouped by the customer's local dates. Months are
 * cached per service and zone, the next one is prefetched, and for an empty month the next free day is looked
 * up. Renders its host when anything changes.
 */
export class MonthSlots implements ReactiveController {
  month = '';
  /** The shown month's slots by local date (`YYYY-MM-DD`). */
  days = new Map<string, Slot[]>();
  loading = false;
  /** The first free date after an empty month; `null` when none was found, `undefined` while unknown. */
  nextFree?: string | null | undefined;

  private cache = new Map<string, Promise<Slot[]>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => SlotSource,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets every cached month, say after a booking changed what is free. */
  clear(): void {
    this.cache.clear();
  }

  /** One month's free slots; failures are not cached. */
  fetch(month: string, service = this.source().service): Promise<Slot[]> {
    const { client, provider, zone } = this.source();
    const key = `${service}|${zone}|${month}`;
    let slots = this.cache.get(key);
    if (!slots) {
      const { from, to } = monthRange(month);
      slots = client.slots(provider, service!, from, to, zone).then((r) => r.slots);
      slots.catch(() => this.cache.delete(key));
      this.cache.set(key, slots);
    }
    return slots;
  }

  /** Shows a month. Rejects when its slots cannot be loaded; a request overtaken by another ends quietly. */
  async show(month: string): Promise<void> {
    const current = () => `${this.source().service}|${this.source().zone}|${this.month}`;
    this.month = month;
    this.loading = true;
    this.nextFree = undefined;
    this.host.requestUpdate();
    const wanted = current();
    try {
      const slots = await this.fetch(month);
      if (wanted !== current()) return;
      this.days = groupByDay(slots, this.source().zone);
      this.loading = false;
      this.host.requestUpdate();
      this.fetch(addMonths(month, 1)).catch(() => {});
      if (!slots.length) {
        const next = await this.findNext(month);
        if (wanted === current()) this.nextFree = next;
        this.host.requestUpdate();
      }
    } catch (e) {
      if (wanted !== current()) return;
      this.loading = false;
      this.host.requestUpdate();
      throw e;
    }
  }

  private async findNext(month: string): Promise<string | null> {
    for (let i = 1; i <= LOOKAHEAD_MONTHS; i++) {
      const [first] = await this.fetch(addMonths(month, i));
      if (first) return localDate(first.start, this.source().zone);
    }
    return null;
  }
}
