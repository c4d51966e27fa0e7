/**
 * Over HTTP, as a new provider of a running server (`url`, whose APP_URL is `appUrl`): a business open around the
 * clock in UTC, no notice needed, with one service at 1.00 EUR, for tests that book at any hour. Returns the
 * provider's session cookie, a caller for further admin requests (it throws on a refusal) and the service's id.
 */
export async function openAllHours(
  url: string,
  appUrl: string,
  business: { slug: string; name: string; slotStepMinutes: number; service: { name: string; durationMinutes: number } },
) {
  const send = (method: string, path: string, body: unknown, cookie?: string) =>
    fetch(`${url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(cookie && { Cookie: cookie, Origin: appUrl }) },
      body: JSON.stringify(body),
    });
  const signup = await send('POST', '/api/auth/signup', {
    email: `${business.slug}@example.com`,
    password: 'correct horse battery',
    name: 'Owner',
    role: 'provider',
  });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const admin = async (method: string, path: string, body: unknown) => {
    const res = await send(method, path, body, cookie);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>;
  };
  await admin('PUT', '/api/admin/profile', {
    slug: business.slug,
    name: business.name,
    category: 'Hair salon',
    description: '',
    city: 'Berlin',
    address: 'Street 1',
    phone: '+49 30 1',
    timeZone: 'UTC',
    bookingRules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: business.slotStepMinutes },
  });
  const { service } = await admin('POST', '/api/admin/services', {
    ...business.service,
    price: { amountMinor: 100, currency: 'EUR' },
  });
  await admin('PUT', '/api/admin/schedule/weekly', {
    intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  });
  return { cookie, admin, serviceId: service.id as number };
}
