import type { ImageInfo } from './media.repository.js';

/** Content-hashed, so the address of a changed image changes too, and any copy may be kept for good. */
export const mediaUrl = (hash: string): string => `/media/${hash}.webp`;

/** An image as the API shows it: addresses of both sizes and the full size's dimensions. */
export const publicImage = (image: ImageInfo) => ({
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
