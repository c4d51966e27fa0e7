import { book, createProvider, type ProviderFixture } from './fixtures.js';
import type { TestContext } from './test-app.js';

/**
 * A customer no public answer may show. The note names a search word ("hairdresser"): a search that indexed what
 * customers write would find the salon by it.
 */
export const SECRET_BOOKING = {
  customer: { name: 'Quentin Secret', email: 'quentin@private.example', phone: '+49 170 5555555' },
  note: 'hairdresser allergy note',
};
/** The pieces of it to look for in an answer. */
export const SECRETS = ['Quentin', 'quentin@private.example', '5555555', 'allergy'];

/**
 * The directory the public tests read: Studio Anna, a Berlin hair salon with the description and service given,
 * holding the secret customer's booking on 2 December 2026; and Brooklyn Physio in New York (sports injuries).
 */
export async function createDirectory(
  ctx: TestContext,
  salon: { description?: string; service: string },
): Promise<{ anna: ProviderFixture; physio: ProviderFixture }> {
  const anna = await createProvider(ctx, {
    slug: 'studio-anna',
    profile: {
      name: 'Studio Anna',
      category: 'Hair salon',
      city: 'Berlin',
      ...(salon.description !== undefined && { description: salon.description }),
    },
    service: { name: salon.service },
  });
  const physio = await createProvider(ctx, {
    slug: 'brooklyn-physio',
    timeZone: 'America/New_York',
    profile: { name: 'Brooklyn Physio', category: 'Physiotherapy', city: 'New York', description: 'Sports injuries' },
  });
  // The tests that look for the secrets prove nothing unless they are there to leak.
  const booking = await book(ctx, anna, '2026-12-02T09:00:00.000Z', SECRET_BOOKING);
  if (booking.status !== 201) throw new Error(`directory: booking failed ${booking.status}`);
  return { anna, physio };
}
