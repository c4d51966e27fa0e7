import type { BookingApi } from '../../widget/api/client.js';

/**
 * Whether a member other than `slug` performs the service: then "another team member" is worth offering. The
 * provider's public team says; a server before teams (or a failed request) has none.
 */
export async function hasColleagues(client: BookingApi, provider: string, service: number, slug: string) {
  const { team = [] } = await client.provider(provider).catch(() => ({ team: [] }));
  return team.some((m) => m.slug !== slug && m.serviceIds.includes(service));
}
