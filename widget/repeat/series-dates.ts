import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingApi } from '../api/client.js';
import type { Occurrence } from '../api/types.js';
import { checkSeries, type SeriesAsk } from './repeat.js';

/**
 * The dates of a series as the server checks them, for `<book-repeat>`: a new question (another count, interval or
 * time) aborts the one still running, so an overtaken answer never shows. Renders its host when anything changes.
 */
export class SeriesDates implements ReactiveController {
  /** The checked dates; undefined while a check runs, and after one failed. */
  dates?: Occurrence[] | undefined;
  failed = false;

  private asking?: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => BookingApi,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Asks which dates of `ask` are free. */
  async check(ask: SeriesAsk): Promise<void> {
    this.stop();
    const asking = new AbortController();
    this.asking = asking;
    this.dates = undefined;
    this.failed = false;
    this.host.requestUpdate();
    try {
      const dates = await checkSeries(this.client(), ask, asking.signal);
      if (this.asking === asking) this.dates = dates;
    } catch (e) {
      if (this.asking === asking && (e as Error).name !== 'AbortError') this.failed = true;
    }
    this.host.requestUpdate();
  }

  /** The dates as the server gave them otherwise (a `series_conflict`'s), in place of any check still running. */
  set(dates: Occurrence[]): void {
    this.stop();
    this.dates = dates;
    this.failed = false;
    this.host.requestUpdate();
  }

  /** Drops the running check (Repeat turned off, or the element gone). */
  stop(): void {
    this.asking?.abort();
    this.asking = undefined;
  }
}
