import type { Booking, BookingRequest, NextAvailable, ProviderResponse, SlotsResponse } from './types.js';

export type * from './types.js';

/**
 * An API failure. `status` 0 with code `offline` means the request never got an answer; other codes are the
 * server's `{ error: { code } }` (`slot_taken`, `invalid_request`, …) or `server_error` for a non-JSON reply.
 * `body` is the whole answer, for errors that carry more than `error` (a `series_conflict`'s `occurrences`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** A random v4 UUID. `crypto.randomUUID` needs a secure context; embedding pages may be plain http. */
export const uuid = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 15) | 64;
  b[8] = (b[8]! & 63) | 128;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const MAX_SLOT_PAGES = 40;

/** Client for the public booking API; `base` is the server's origin (or a path prefix). No cookies are sent. */
/**
 * Free times are asked again after a booking or a taken slot, and must then be current: the server lets caches keep
 * them for seconds (docs/api.md, "HTTP caching & CDNs"), so the browser revalidates each time instead, and an
 * unchanged answer costs a `304` with no body (the widget keeps the months it has in memory itself).
 */
const FREE_TIMES: RequestCache = 'no-cache';

export class BookingApi {
  readonly base: string;

  /** `credentials`: `'omit'` for embeds; the hosted site sends its session cookie (`'same-origin'`). */
  constructor(
    base: string,
    readonly credentials: RequestCredentials = 'omit',
  ) {
    this.base = base.replace(/\/+$/, '');
  }

  provider(slug: string, signal?: AbortSignal): Promise<ProviderResponse> {
    return this.call(`/api/providers/${encodeURIComponent(slug)}`, { signal: signal ?? null });
  }

  /**
   * Free slots of a service between two inclusive dates (`YYYY-MM-DD`) of the customer's zone: every page of
   * them, as the server caps one answer and names the next page in `next`. `staff` (a member's slug or `any`)
   * is sent only when given: servers before teams never see it.
   */
  async slots(
    slug: string,
    service: number,
    from: string,
    to: string,
    tz: string,
    { signal, staff }: { signal?: AbortSignal; staff?: string | undefined } = {},
  ): Promise<SlotsResponse> {
    const q = new URLSearchParams({ service: String(service), from, to, tz, ...(staff ? { staff } : {}) });
    const first = await this.call<SlotsResponse>(`/api/providers/${encodeURIComponent(slug)}/slots?${q}`, {
      signal: signal ?? null,
      cache: FREE_TIMES,
    });
    const slots = [...first.slots];
    // Bounded: a month of 5-minute slots is nine pages.
    for (let next = first.next, pages = 1; next && pages < MAX_SLOT_PAGES; pages++) {
      const page: SlotsResponse = await this.call(next, { signal: signal ?? null, cache: FREE_TIMES });
      slots.push(...page.slots);
      next = page.next;
    }
    return { timeZone: first.timeZone, slots };
  }

  /** The first free slot of a service from today (or from the date `from`) and its date in `tz`, in one request. */
  nextAvailable(slug: string, service: number, tz: string, from?: string, staff?: string): Promise<NextAvailable> {
    const q = new URLSearchParams({
      service: String(service),
      tz,
      ...(from ? { from } : {}),
      ...(staff ? { staff } : {}),
    });
    return this.call(`/api/providers/${encodeURIComponent(slug)}/next-available?${q}`, { cache: FREE_TIMES });
  }

  /** Books a slot. Reuse `idempotencyKey` when retrying the same request so it can never book twice. */
  async book(request: BookingRequest, idempotencyKey: string): Promise<Booking> {
    const { booking } = await this.call<{ booking: Booking }>('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(request),
    });
    return booking;
  }

  /** Any API request (the waitlist's and the repeat's lazily loaded parts make their own). */
  async call<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.base + path, { ...init, credentials: this.credentials });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, 'offline', 'Network request failed');
    }
    const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    if (res.ok && body) return body as T;
    const err = body?.error;
    throw new ApiError(res.status, err?.code ?? 'server_error', err?.message ?? res.statusText, err?.fields, body);
  }
}
