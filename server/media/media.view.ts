import { z } from 'zod';
import type { ImageInfo } from './media.repository.js';

/** Content-hashed, so the address of a changed image changes too, and any copy may be kept for good. */
export const mediaUrl = (hash: string): string => `/media/${hash}.webp`;

export const publicImageSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['logo', 'photo']),
  /** `/media/<hash>.webp`, the full size; `thumbUrl` the small one. */
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

export const imagesSchema = z.object({ logo: publicImageSchema.nullable(), photos: z.array(publicImageSchema) });

/** An image as the API shows it: addresses of both sizes and the full size's dimensions. */
export const publicImage = (image: ImageInfo): z.output<typeof publicImageSchema> => ({
  id: image.id,
  kind: image.kind,
  url: mediaUrl(image.full_hash),
  thumbUrl: mediaUrl(image.thumb_hash),
  width: image.width,
  height: image.height,
});

export type PublicImage = ReturnType<typeof publicImage>;

/** A business's logo and photos, for its profile. */
export function imagesView(images: ImageInfo[]): { logo: PublicImage | null; photos: PublicImage[] } {
  const logo = images.find((i) => i.kind === 'logo');
  return { logo: logo ? publicImage(logo) : null, photos: images.filter((i) => i.kind === 'photo').map(publicImage) };
}
