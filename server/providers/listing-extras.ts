import type { Db } from '../db/connect.js';
import { coverImagesOf, type ImageInfo } from '../media/media.repository.js';
import { mediaUrl } from '../media/media.view.js';
import { type PriceRange, priceRange } from '../services/price-range.js';
import { activeOffersOf } from '../services/services.repository.js';

/** What a directory card shows beyond the business row: its prices, pictures and the service "next free" is for. */
export interface ListingExtras {
  price: PriceRange | null;
  /** The first active service: the one whose next free time the card shows (server/slots/next-available.ts). */
  firstServiceId: number | null;
  logo: ImageInfo | null;
  photo: ImageInfo | null;
}

/** Two queries for a page of results, however many. */
export async function listingExtrasOf(db: Db, providerIds: number[]): Promise<Map<number, ListingExtras>> {
  const [offers, covers] = await Promise.all([activeOffersOf(db, providerIds), coverImagesOf(db, providerIds)]);
  return new Map(
    providerIds.map((id) => {
      const services = offers.get(id) ?? [];
      const images = covers.get(id) ?? [];
      return [
        id,
        {
          price: priceRange(services),
          firstServiceId: services[0]?.id ?? null,
          logo: images.find((i) => i.kind === 'logo') ?? null,
          photo: images.find((i) => i.kind === 'photo') ?? null,
        },
      ];
    }),
  );
}

/** The extras as the public API shows them. */
export const publicExtras = (extras: ListingExtras | undefined) => ({
  price: extras?.price ?? null,
  logoUrl: extras?.logo ? mediaUrl(extras.logo.thumb_hash) : null,
  photoUrl: extras?.photo ? mediaUrl(extras.photo.thumb_hash) : null,
});
