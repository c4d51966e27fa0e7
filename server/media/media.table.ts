import type { Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt } from '../db/columns.js';

export type ImageKind = 'logo' | 'photo';

/** One uploaded image in two sizes, WebP without metadata (server/media/resize.ts). */
export interface ProviderImagesTable {
  id: Generated<number>;
  provider_id: number;
  kind: ImageKind;
  /** Order among the business's photos (a logo is alone: 0). */
  position: number;
  /** Of the full size. */
  width: number;
  height: number;
  full_hash: string;
  full_bytes: Buffer;
  thumb_hash: string;
  thumb_bytes: Buffer;
  created_at: CreatedAt;
}

export type ProviderImageRow = Selectable<ProviderImagesTable>;
export type NewProviderImage = Insertable<ProviderImagesTable>;

/** A team member's photo: one square WebP (server/media/resize.ts `resizePortrait`). */
export interface MemberPhotosTable {
  member_id: number;
  hash: string;
  bytes: Buffer;
  created_at: CreatedAt;
}
