/** The cheapest and dearest of a business's services, in the currency most of them are priced in. */
export interface PriceRange {
  fromMinor: number;
  toMinor: number;
  currency: string;
}

export function priceRange(services: { price_minor: number; currency: string }[]): PriceRange | null {
  const counts = new Map<string, number>();
  for (const s of services) counts.set(s.currency, (counts.get(s.currency) ?? 0) + 1);
  const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (currency === undefined) return null;
  const prices = services.filter((s) => s.currency === currency).map((s) => s.price_minor);
  return { fromMinor: Math.min(...prices), toMinor: Math.max(...prices), currency };
}
