import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { SlotsChanged } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { deleteMemberPhoto, saveMemberPhoto } from '../media/media.repository.js';
import { imageFile, uploadLimit } from '../media/media.routes.js';
import { mediaUrl } from '../media/media.view.js';
import { resizePortrait } from '../media/resize.js';
import { mayManageBusiness } from './roles.js';
import { findMember, updateMember } from './team.repository.js';

/**
 * Sets `c.var.target` to the member of `:id` whose photo may change: the owner and admins any active member of their
 * business, staff only themselves (403). Another business's member, or one who left, does not exist (404). Runs
 * before the upload is read, so a refused request costs nothing.
 */
const photoOwner =
  (db: Db): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const me = c.get('member');
    const id = idParam.safeParse({ id: c.req.param('id') });
    const member = !id.success
      ? undefined
      : id.data.id === me.id
        ? me
        : await findMember(db, me.provider_id, id.data.id);
    if (!member || member.left_at !== null) throw AppError.notFound('Member');
    if (member.id !== me.id && !mayManageBusiness(me.role))
      throw new AppError('forbidden', 'Staff change only their own photo');
    c.set('target', member);
    await next();
  };

/**
 * `/api/admin/team/:id/photo` (mounted behind `requireProvider`): a member's photo, shown on the Team page, the
 * profile's team section and the widget's staff step; without one, their initials. Uploads go through the business
 * images' checks and processing (server/media/resize.ts) and are served by content hash like them.
 */
export function memberPhotoRoutes(deps: { db: Db; slotsChanged: SlotsChanged }) {
  const { db } = deps;
  const setPhoto = async (
    member: { id: number; provider_id: number },
    photo: { hash: string; bytes: Buffer } | null,
  ) => {
    await withWriteLock(db, async (trx) => {
      if (photo) await saveMemberPhoto(trx, member.id, photo);
      else await deleteMemberPhoto(trx, member.id);
      await updateMember(trx, member.id, { photo_hash: photo?.hash ?? null });
    });
    // The profile's team and the widget's staff step come with the cached public answers.
    await deps.slotsChanged(member.provider_id);
  };
  return new Hono<AppEnv>()
    .put(
      '/:id/photo',
      describe({
        summary: "Set a member's photo",
        description:
          "Multipart `file`: JPEG, PNG or WebP up to 8 MB. Members set their own; the owner and admins anyone's.",
        responses: {
          200: z.object({ photoUrl: z.string() }),
          403: "Another member's photo, for staff",
          413: 'Over 8 MB',
          415: 'Not a JPEG, PNG or WebP',
        },
      }),
      uploadLimit,
      photoOwner(db),
      validate('form', z.object({ file: imageFile })),
      async (c) => {
        const photo = await resizePortrait(Buffer.from(await c.req.valid('form').file.arrayBuffer()));
        await setPhoto(c.get('target'), photo);
        return c.json({ photoUrl: mediaUrl(photo.hash) });
      },
    )
    .delete(
      '/:id/photo',
      describe({
        summary: "Remove a member's photo",
        responses: { 204: 'Removed', 403: "Another member's photo, for staff" },
      }),
      photoOwner(db),
      async (c) => {
        await setPhoto(c.get('target'), null);
        return c.body(null, 204);
      },
    );
}
