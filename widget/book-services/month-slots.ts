import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingApi } from '../api/client.js';
import type { Slot } from '../api/types.js';
import { addMonths, groupByDay, monthRange } from '../lib/dates.js';

/** What the slots depend on; read afresh for every request. */
export interface SlotSource {
  client: BookingApi;
  provider: string;
  service?: number | undefined;
  zone: string;
  /** The member whose times to show (`any` for the union); undefined for a server before teams. */
  staff?: string | undefined;
  /** For a class: adds its full times between two dates (`placesLeft: 0`) to the free ones, to join their waitlist. */
  full?: ((from: string, to: string, free: Promise<Slot[]>) => Promise<Slot[]>) | undefined;
}

/**
 * What a cached answer depends on besides its month or start day. No `staff` asks for what `any` does (the server's
 * default), so the months fetched before the provider's team is known serve "Any available" too; a class's months
 * fetched before it was known to be one lack its full times.
 */
const keyOf = (service: number | undefined, { zone, staff, full }: SlotSource) =>
  `${service}|${staff || 'any'}|${zone}|${!full}`;

/**
 * Free slots one month at a time for the chosen service (and member), with a class's full times, grouped by the customer's local dates. Months are
 * cached per service and zone, the next one is prefetched, and for an empty month the next free day is asked for
 * (one request, however far off). Renders its host when anything changes.
 */
export class MonthSlots implements ReactiveController {
  month = '';
  /** The shown month's slots by local date (`YYYY-MM-DD`). */
  days = new Map<string, Slot[]>();
  loading = false;
  /** The first free date after an empty month; `null` when none was found, `undefined` while unknown. */
  nextFree?: string | null | undefined;

  private cache = new Map<string, Promise<Slot[]>>();
  private firsts = new Map<string, Promise<string | null>>();

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
    this.firsts.clear();
  }

  /** The first free date on or after `from` (default: today), or `null` up to the booking horizon; cached like months. */
  firstFree(from = '', service = this.source().service): Promise<string | null> {
    const source = this.source();
    const { client, provider, zone, staff } = source;
    const key = `${keyOf(service, source)}|${from}`;
    let first = this.firsts.get(key);
    if (!first) {
      first = client.nextAvailable(provider, service!, zone, from || undefined, staff).then((r) => r.date);
      first.catch(() => this.firsts.delete(key));
      this.firsts.set(key, first);
    }
    return first;
  }

  /**
   * Shows the month of the first free day from today (`today`'s month when there is none) and resolves to that
   * day; to `undefined` when the customer moved on before it was known.
   */
  async showFirst(today: string): Promise<string | null | undefined> {
    this.month = today.slice(0, 7);
    this.loading = true;
    this.host.requestUpdate();
    const wanted = this.shown();
    // Today's month is the likely answer: fetched alongside, so it costs no second round trip.
    try {
      const [first] = await Promise.all([this.firstFree(), this.fetch(this.month).catch(() => [])]);
      if (wanted !== this.shown()) return undefined;
      const showing = this.show(first?.slice(0, 7) ?? this.month);
      const target = this.shown();
      await showing;
      return target === this.shown() ? first : undefined;
    } catch (e) {
      if (wanted !== this.shown()) return undefined;
      this.loading = false;
      this.host.requestUpdate();
      throw e;
    }
  }

  /** One month's free slots; failures are not cached. */
  fetch(month: string, service = this.source().service): Promise<Slot[]> {
    const source = this.source();
    const { client, provider, zone, staff } = source;
    const key = `${keyOf(service, source)}|${month}`;
    let slots = this.cache.get(key);
    if (!slots) {
      const { from, to } = monthRange(month);
      slots = client.slots(provider, service!, from, to, zone, { staff }).then((r) => r.slots);
      if (source.full) slots = source.full(from, to, slots);
      slots.catch(() => this.cache.delete(key));
      this.cache.set(key, slots);
    }
    return slots;
  }

  /** Shows a month. Rejects when its slots cannot be loaded; a request overtaken by another ends quietly. */
  async show(month: string): Promise<void> {
    this.month = month;
    this.loading = true;
    this.nextFree = undefined;
    this.host.requestUpdate();
    const wanted = this.shown();
    try {
      const slots = await this.fetch(month);
      if (wanted !== this.shown()) return;
      this.days = groupByDay(slots, this.source().zone);
      this.loading = false;
      this.host.requestUpdate();
      this.fetch(addMonths(month, 1)).catch(() => {});
      if (!slots.length) {
        const next = await this.firstFree(`${month}-01`);
        if (wanted === this.shown()) this.nextFree = next;
        this.host.requestUpdate();
      }
    } catch (e) {
      if (wanted !== this.shown()) return;
      this.loading = false;
      this.host.requestUpdate();
      throw e;
    }
  }

  /** What the shown month's slots depend on: an answer for anything else has been overtaken. */
  private shown(): string {
    const source = this.source();
    return `${keyOf(source.service, source)}|${this.month}`;
  }
}
