/** Browser side of the test harness: providers created on the real server for one test. */
import { waitUntil } from '@open-wc/testing';
import type { ProviderOptions, TestProvider } from './api-server.js';

export type { TestProvider };

export async function createProvider(options: ProviderOptions = {}): Promise<TestProvider> {
  const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v) as [string, string][]);
  const res = await fetch(`/__fixtures/provider?${query}`);
  if (!res.ok) throw new Error(`fixture failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An element's text with all whitespace (including the no-break spaces `Intl` uses) collapsed to one space. */
export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Waits until `predicate` holds. open-wc's `waitUntil` gives up after 1 s, less than a round trip to the server can
 * take on a busy 2-core machine; this gives it 10 s (the test's own timeout is longer), polling as often.
 */
export const waitFor = (predicate: () => unknown, message: string): Promise<void> =>
  waitUntil(predicate, message, { timeout: 10_000 });

/** Books a slot the way another customer would, straight through the API; the widget learns of it as of any. */
export function bookDirectly(provider: TestProvider, start: string): Promise<Response> {
  return fetch(`${provider.api}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      provider: provider.slug,
      service: provider.serviceId,
      start,
      customer: { name: 'Someone Else', email: 'else@example.com' },
    }),
  });
}
