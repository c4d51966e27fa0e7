import { Hono } from 'hono';
import { z } from 'zod';
import type { SlotsChanged } from '../availability/availability.types.js';
import { parseLocalTime, validateIntervals } from '../availability/schedule-rules.js';
import { wallClock, zoneOf } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { dateSchema, idParam, instantSchema, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { staffScope } from '../team/roles.js';
import { deleteBlockedTime, insertBlockedTime, listBlockedTimes } from './blocked-times.repository.js';
import type { BlockedTimeRow } from './blocked-times.table.js';

const time = z.string().max(5);
const blockSchema = z.object({ date: dateSchema, from: time, to: time, label: textSchema(80).optional() });
const rangeQuery = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((q) => q.from < q.to, { message: 'must be after from', path: ['to'] })
  .refine((q) => q.to - q.from <= 62 * 86_400_000, { message: 'at most 62 days after from', path: ['to'] });

const blockedTimeSchema = z.object({ id: z.number().int(), start: z.string(), end: z.string(), label: z.string() });

export const blockedTimeView = (row: BlockedTimeRow): z.output<typeof blockedTimeSchema> => ({
  id: row.id,
  start: row.start_at,
  end: row.end_at,
  label: row.label,
});

/** Local `date` and `HH:mm` times in `timeZone` as UTC instants, read as the slots read opening hours. */
function instantsOf(date: string, from: string, to: string, timeZone: string) {
  const day = Date.parse(date);
  const at = wallClock(zoneOf(timeZone));
  return { start: at(day, parseLocalTime(from)!), end: at(day, parseLocalTime(to)!) };
}

/**
 * `/api/admin/blocked-times` (mounted behind `requireProvider` and `targetMember`): time a member keeps free (a lunch, a doctor's
 * visit), given as a local date and times in the business's zone and stored as UTC instants. Slots skip it like a
 * busy event in the member's calendar; appointments already in it stay (the business decides about those).
 */
export function blockedTimesRoutes(db: Db, slotsChanged: SlotsChanged) {
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'Blocked times overlapping a range',
        description: 'Instants `from`–`to`, at most 62 days.',
        responses: { 200: z.object({ blockedTimes: z.array(blockedTimeSchema) }) },
      }),
      validate('query', rangeQuery),
      async (c) => {
        const range = c.req.valid('query');
        const rows = await listBlockedTimes(db, c.get('target').id, { start: range.from, end: range.to });
        return c.json({ blockedTimes: rows.map(blockedTimeView) });
      },
    )
    .post(
      '/',
      describe({
        summary: 'Block time',
        description:
          "A local date and `HH:mm` times in the business's zone (`to` may be `24:00`), stored as UTC instants.",
        responses: { 201: z.object({ blockedTime: blockedTimeSchema }), 422: 'An empty or backwards span' },
      }),
      validate('json', blockSchema),
      async (c) => {
        const { date, from, to, label } = c.req.valid('json');
        const problem = validateIntervals([{ start: from, end: to }]);
        if (problem) throw new AppError('invalid_schedule', problem, { to: problem });
        const provider = c.get('provider');
        const { start, end } = instantsOf(date, from, to, provider.time_zone);
        const row = await withWriteLock(db, (trx) =>
          insertBlockedTime(trx, {
            provider_id: provider.id,
            member_id: c.get('target').id,
            start_at: new Date(start).toISOString(),
            end_at: new Date(end).toISOString(),
            label: label ?? '',
          }),
        );
        await slotsChanged(provider.id);
        return c.json({ blockedTime: blockedTimeView(row) }, 201);
      },
    )
    .delete(
      '/:id',
      describe({ summary: 'Remove a blocked time', responses: { 204: 'Removed' } }),
      validate('param', idParam),
      async (c) => {
        // The owner and admins remove any member's (from the week view); staff only their own.
        const scope = { providerId: c.get('provider').id, memberId: staffScope(c.get('member')) };
        const removed = await withWriteLock(db, (trx) => deleteBlockedTime(trx, scope, c.req.valid('param').id));
        if (!removed) throw AppError.notFound('Blocked time');
        await slotsChanged(scope.providerId);
        return c.body(null, 204);
      },
    );
}
