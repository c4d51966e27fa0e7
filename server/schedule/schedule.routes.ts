import { Hono } from 'hono';
import { z } from 'zod';
import type { LocalInterval, SlotsChanged } from '../availability/availability.types.js';
import { validateIntervals } from '../availability/schedule-rules.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { dateSchema, idParam, textSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { requireManager } from '../team/roles.js';
import { closureDays, MAX_CLOSURE_DAYS } from './closures.js';
import {
  deleteClosure,
  deleteOverride,
  insertClosure,
  listClosures,
  listMemberOverrides,
  listMemberWeeklyHours,
  replaceOverride,
  replaceWeeklyHours,
} from './schedule.repository.js';

const interval = z.object({ start: z.string().max(5), end: z.string().max(5) });
const weeklySchema = z.object({
  intervals: z.array(interval.extend({ weekday: z.number().int().min(1).max(7) })).max(7 * 12),
});
const overrideSchema = z.object({ intervals: z.array(interval).max(12) });
const dateParam = z.object({ date: dateSchema });
const closureSchema = z
  .object({ from: dateSchema, to: dateSchema, label: textSchema(100).default('') })
  .refine((c) => c.from <= c.to, { message: 'must not be before the first day', path: ['to'] })
  .refine((c) => closureDays(c.from, c.to) <= MAX_CLOSURE_DAYS, {
    message: `at most ${MAX_CLOSURE_DAYS} days`,
    path: ['to'],
  });
const localInterval = z.object({ start: z.string(), end: z.string() });
const weeklyInterval = localInterval.extend({ weekday: z.number().int() });
const dateOverride = z.object({ date: z.string(), intervals: z.array(localInterval) });
const closureView = z.object({ id: z.number().int(), from: z.string(), to: z.string(), label: z.string() });

const rangeQuery = z.object({ from: dateSchema.default('0000-01-01'), to: dateSchema.default('9999-12-31') });

/** Rejects overnight, malformed or overlapping intervals of one day with a 422 naming the day. */
function assertValidDay(label: string, intervals: LocalInterval[]): void {
  const problem = validateIntervals(intervals);
  if (problem) throw new AppError('invalid_schedule', `${label}: ${problem}`, { intervals: problem });
}

/**
 * `/api/admin/schedule`: a member's weekly hours and date overrides (`c.var.target`: mounted behind `requireProvider`
 * and `targetMember`), and the business's closures, which only the owner and admins change.
 */
export function scheduleRoutes(db: Db, slotsChanged: SlotsChanged) {
  return (
    new Hono<AppEnv>()
      .get(
        '/',
        describe({
          summary: 'Weekly hours, date overrides and closures',
          description:
            'Of the signed-in member, or `?member=` (owner and admins); overrides and closures touching `from`–`to`.',
          responses: {
            200: z.object({
              weeklyHours: z.array(weeklyInterval),
              overrides: z.array(dateOverride),
              closures: z.array(closureView),
            }),
          },
        }),
        validate('query', rangeQuery),
        async (c) => {
          const { from, to } = c.req.valid('query');
          const target = c.get('target');
          const [weeklyHours, overrides, closures] = await Promise.all([
            listMemberWeeklyHours(db, target.id),
            listMemberOverrides(db, target.id, from, to),
            listClosures(db, target.provider_id, from, to),
          ]);
          return c.json({ weeklyHours, overrides, closures });
        },
      )
      // A closure is one entry however many days it spans; every date in it is closed, special hours included.
      .post(
        '/closures',
        describe({
          summary: 'Close a date range',
          description: 'Inclusive local dates, at most 366 days: one entry, removed as one.',
          responses: { 201: z.object({ closure: closureView }), 403: 'Staff' },
        }),
        requireManager,
        validate('json', closureSchema),
        async (c) => {
          const { id } = c.get('provider');
          const closure = await withWriteLock(db, (trx) => insertClosure(trx, id, c.req.valid('json')));
          await slotsChanged(id);
          return c.json({ closure }, 201);
        },
      )
      .delete(
        '/closures/:id',
        describe({ summary: 'Remove a closure', responses: { 204: 'Removed', 403: 'Staff' } }),
        requireManager,
        validate('param', idParam),
        async (c) => {
          const { id } = c.get('provider');
          if (!(await deleteClosure(db, id, c.req.valid('param').id))) throw AppError.notFound('Closure');
          await slotsChanged(id);
          return c.body(null, 204);
        },
      )
      .put(
        '/weekly',
        describe({
          summary: 'Replace the weekly hours',
          responses: {
            200: z.object({ weeklyHours: z.array(weeklyInterval) }),
            422: 'Overlapping or backwards intervals (`invalid_schedule`)',
          },
        }),
        validate('json', weeklySchema),
        async (c) => {
          const { intervals } = c.req.valid('json');
          for (let weekday = 1; weekday <= 7; weekday++) {
            assertValidDay(
              `Weekday ${weekday}`,
              intervals.filter((i) => i.weekday === weekday),
            );
          }
          const target = c.get('target');
          await withWriteLock(db, (trx) => replaceWeeklyHours(trx, target, intervals));
          await slotsChanged(target.provider_id);
          return c.json({ weeklyHours: await listMemberWeeklyHours(db, target.id) });
        },
      )
      .put(
        '/overrides/:date',
        describe({
          summary: 'Special hours for a date',
          description: 'No intervals: closed that day.',
          responses: {
            200: z.object({ override: dateOverride }),
            422: 'Overlapping or backwards intervals (`invalid_schedule`)',
          },
        }),
        validate('param', dateParam),
        validate('json', overrideSchema),
        async (c) => {
          const { date } = c.req.valid('param');
          const { intervals } = c.req.valid('json');
          assertValidDay(date, intervals);
          await withWriteLock(db, (trx) => replaceOverride(trx, c.get('target'), { date, intervals }));
          await slotsChanged(c.get('provider').id);
          return c.json({ override: { date, intervals } });
        },
      )
      .delete(
        '/overrides/:date',
        describe({ summary: 'Back to the weekly hours for a date', responses: { 204: 'Removed' } }),
        validate('param', dateParam),
        async (c) => {
          const removed = await deleteOverride(db, c.get('target'), c.req.valid('param').date);
          if (!removed) throw AppError.notFound('Override');
          await slotsChanged(c.get('provider').id);
          return c.body(null, 204);
        },
      )
  );
}
