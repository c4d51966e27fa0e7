/** Browser side of the test harness: providers created on the real server for one test. */
import type { ProviderOptions, TestProvider } from './api-server.js';

export type { TestProvider };

export async function createProvider(
  options: ProviderOptions = {},
): Promise<TestProvider> {
  const query = new URLSearchParams(Object.entries(options).filter(([, v]) => v) as [string, string][]);
  const res = await fetch(`/__fixtures/provider?${query}`);
  if (!res.ok) throw new Error(`fixture failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An element's text with all whitespace (including the no-break spaces `Intl` uses) collapsed to one space. */
export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
