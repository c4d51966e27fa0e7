import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { addImage, countImages, deleteImage, findImageFile, listImages, reorderPhotos } from './media.repository.js';
import { publicImage, publicImageSchema } from './media.view.js';
import { MAX_UPLOAD_BYTES, resizeUpload } from './resize.js';

/** A profile is a page, not an album. */
export const MAX_PHOTOS = 12;

/** The uploaded image of a multipart form. */
export const imageFile = z.instanceof(File, { message: 'attach the image as "file"' });
const uploadForm = z.object({ kind: z.enum(['logo', 'photo']), file: imageFile });

/** An upload route's own body limit (the app's is far smaller): 413 before a larger file is read. */
export const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: () => {
    throw new AppError('payload_too_large', `Images are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  },
});
const orderBody = z.object({ ids: z.array(z.number().int().positive()).max(MAX_PHOTOS) });

const listOf = async (db: Db, providerId: number) => (await listImages(db, providerId)).map(publicImage);

/**
 * `/api/admin/images`: the signed-in provider's logo and photos. Uploads are multipart (`kind`, `file`), up to
 * 8 MB; every query is scoped by the provider, so another's image is "not found".
 */
export function adminImagesRoutes(db: Db) {
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'The logo and photos',
        responses: { 200: z.object({ images: z.array(publicImageSchema) }) },
      }),
      async (c) => c.json({ images: await listOf(db, c.get('provider').id) }),
    )
    .post(
      '/',
      describe({
        summary: 'Upload a logo or photo',
        description:
          'Multipart `kind` and `file`: JPEG, PNG or WebP up to 8 MB, turned upright, resized and stripped of metadata. At most 12 photos; a new logo replaces the old.',
        responses: {
          201: z.object({ image: publicImageSchema }),
          413: 'Over 8 MB',
          415: 'Not a JPEG, PNG or WebP',
          422: 'Over 40 megapixels, or 12 photos already',
        },
      }),
      uploadLimit,
      validate('form', uploadForm),
      async (c) => {
        const { kind, file } = c.req.valid('form');
        const providerId = c.get('provider').id;
        const resized = await resizeUpload(Buffer.from(await file.arrayBuffer()), kind);
        const image = await withWriteLock(db, async (trx) => {
          if (kind === 'photo' && (await countImages(trx, providerId, 'photo')) >= MAX_PHOTOS)
            throw new AppError('conflict', `A profile holds at most ${MAX_PHOTOS} photos: remove one first`);
          return addImage(trx, {
            provider_id: providerId,
            kind,
            width: resized.width,
            height: resized.height,
            full_hash: resized.full.hash,
            full_bytes: resized.full.bytes,
            thumb_hash: resized.thumb.hash,
            thumb_bytes: resized.thumb.bytes,
          });
        });
        return c.json({ image: publicImage(image) }, 201);
      },
    )
    .put(
      '/order',
      describe({
        summary: 'Order the photos',
        responses: { 200: z.object({ images: z.array(publicImageSchema) }), 422: 'Not every photo once' },
      }),
      validate('json', orderBody),
      async (c) => {
        const providerId = c.get('provider').id;
        const { ids } = c.req.valid('json');
        await withWriteLock(db, async (trx) => {
          const photos = (await listImages(trx, providerId)).filter((i) => i.kind === 'photo').map((i) => i.id);
          if (ids.length !== photos.length || !photos.every((id) => ids.includes(id)))
            throw new AppError('unprocessable', 'List each of your photos once', {
              ids: 'not your photos, or not all',
            });
          await reorderPhotos(trx, providerId, ids);
        });
        return c.json({ images: await listOf(db, providerId) });
      },
    )
    .delete(
      '/:id',
      describe({ summary: 'Delete an image', responses: { 204: 'Deleted' } }),
      validate('param', idParam),
      async (c) => {
        const deleted = await withWriteLock(db, (trx) =>
          deleteImage(trx, c.get('provider').id, c.req.valid('param').id),
        );
        if (deleted === 0) throw AppError.notFound('Image');
        return c.body(null, 204);
      },
    );
}

/**
 * `/media/<hash>.webp`: an image by its content hash. The address names the bytes, so they never change under it:
 * browsers and proxies may keep it a year without asking again.
 */
export function mediaRoutes(db: Db) {
  return new Hono<AppEnv>().get('/:file{[0-9a-f]{32}\\.webp}', async (c) => {
    const bytes = await findImageFile(db, c.req.param('file').slice(0, 32));
    if (!bytes) throw AppError.notFound('Image');
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'image/webp',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
