import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/database.js';
import type { ImageKind, NewProviderImage, ProviderImageRow } from './media.table.js';

/** Everything but the bytes: what lists and pages need. */
export type ImageInfo = Omit<ProviderImageRow, 'full_bytes' | 'thumb_bytes'>;

const INFO = [
  'id',
  'provider_id',
  'kind',
  'position',
  'width',
  'height',
  'full_hash',
  'thumb_hash',
  'created_at',
] as const;

/** Where to find one of the business's own images: another business's id matches nothing. */
const ownImage = (providerId: number, id: number) => (eb: ExpressionBuilder<Database, 'provider_images'>) =>
  eb.and({ provider_id: providerId, id });

/** A business's logo first, then its photos in their order. */
export async function listImages(db: Db, providerId: number): Promise<ImageInfo[]> {
  return db
    .selectFrom('provider_images')
    .select(INFO)
    .where('provider_id', '=', providerId)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Adds an image at the end of its kind; a new logo replaces the old one. */
export async function addImage(db: Db, image: Omit<NewProviderImage, 'position'>): Promise<ImageInfo> {
  if (image.kind === 'logo')
    await db
      .deleteFrom('provider_images')
      .where('provider_id', '=', image.provider_id)
      .where('kind', '=', 'logo')
      .execute();
  const last = await db
    .selectFrom('provider_images')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('provider_id', '=', image.provider_id)
    .where('kind', '=', image.kind)
    .executeTakeFirst();
  return db
    .insertInto('provider_images')
    .values({ ...image, position: (last?.position ?? -1) + 1 })
    .returning(INFO)
    .executeTakeFirstOrThrow();
}

export async function countImages(db: Db, providerId: number, kind: ImageKind): Promise<number> {
  const row = await db
    .selectFrom('provider_images')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('provider_id', '=', providerId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes one of the business's own images: another's id deletes nothing (0). */
export async function deleteImage(db: Db, providerId: number, id: number): Promise<number> {
  const result = await db.deleteFrom('provider_images').where(ownImage(providerId, id)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Puts the business's photos in the order of `ids` (which must be exactly its photos: the route checks). */
export async function reorderPhotos(db: Db, providerId: number, ids: number[]): Promise<void> {
  for (const [position, id] of ids.entries())
    await db.updateTable('provider_images').set({ position }).where(ownImage(providerId, id)).execute();
}

/** The bytes behind a content hash (either size, or a member's photo), of a business still open. */
export async function findImageFile(db: Db, hash: string): Promise<Buffer | undefined> {
  return (await findBusinessImage(db, hash)) ?? (await findMemberPhoto(db, hash));
}

async function findBusinessImage(db: Db, hash: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('provider_images')
    .innerJoin('providers', 'providers.id', 'provider_images.provider_id')
    .select(['full_hash', 'full_bytes', 'thumb_bytes'])
    .where((eb) => eb.or([eb('full_hash', '=', hash), eb('thumb_hash', '=', hash)]))
    .where('providers.closed_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return row.full_hash === hash ? row.full_bytes : row.thumb_bytes;
}

/** A member's photo while they are in the team: one who left is no longer shown anywhere. */
async function findMemberPhoto(db: Db, hash: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('member_photos')
    .innerJoin('team_members', 'team_members.id', 'member_photos.member_id')
    .innerJoin('providers', 'providers.id', 'team_members.provider_id')
    .select('member_photos.bytes')
    .where('member_photos.hash', '=', hash)
    .where('team_members.left_at', 'is', null)
    .where('providers.closed_at', 'is', null)
    .executeTakeFirst();
  return row?.bytes;
}

/** Gives a member this photo (replacing theirs); returns its hash. */
export async function saveMemberPhoto(
  db: Db,
  memberId: number,
  photo: { hash: string; bytes: Buffer },
): Promise<string> {
  await db
    .insertInto('member_photos')
    .values({ member_id: memberId, ...photo })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(photo))
    .execute();
  return photo.hash;
}

export async function deleteMemberPhoto(db: Db, memberId: number): Promise<void> {
  await db.deleteFrom('member_photos').where('member_id', '=', memberId).execute();
}

/** Each business's logo and first photo, for directory cards: one query for a page of them. */
export async function coverImagesOf(db: Db, providerIds: number[]): Promise<Map<number, ImageInfo[]>> {
  const covers = new Map<number, ImageInfo[]>();
  if (providerIds.length === 0) return covers;
  const rows = await db
    .selectFrom('provider_images')
    .select(INFO)
    .where('provider_id', 'in', providerIds)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = covers.get(row.provider_id) ?? [];
    if (!list.some((i) => i.kind === row.kind)) covers.set(row.provider_id, [...list, row]);
  }
  return covers;
}
