import type { DateOverride, WeeklyInterval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { deleteOwned } from '../db/owned.js';
import { preparedQuery } from '../db/prepared.js';
import { type Closure, withClosures } from './closures.js';

/** Whose hours: a member, and the business they belong to. */
export interface MemberKey {
  id: number;
  provider_id: number;
}

export async function listWeeklyHours(db: Db, providerId: number): Promise<WeeklyInterval[]> {
  return (await weeklyHoursOf(db, [providerId])).get(providerId) ?? [];
}

/** One member's own weekly hours (what the schedule editor shows for them). */
export async function listMemberWeeklyHours(db: Db, memberId: number): Promise<WeeklyInterval[]> {
  return (await weeklyHoursOfMembers(db, [memberId])).get(memberId) ?? [];
}

/** Weekly hours of several providers in one query (a page of search results): every member's, together. */
export async function weeklyHoursOf(db: Db, providerIds: number[]): Promise<Map<number, WeeklyInterval[]>> {
  return weeklyHoursBy(db, 'provider_id', providerIds);
}

/** Weekly hours of each member, by member id: whose hours slots are computed from. */
export async function weeklyHoursOfMembers(db: Db, memberIds: number[]): Promise<Map<number, WeeklyInterval[]>> {
  return weeklyHoursBy(db, 'member_id', memberIds);
}

// The hours, overrides and closures are read for every slots answer and booking: built once per key column.
const weeklyHoursQuery = (key: 'provider_id' | 'member_id') =>
  preparedQuery((db: Db, p: { ids: number[] }) =>
    db
      .selectFrom('weekly_hours')
      .select([`${key} as key`, 'weekday', 'start_time', 'end_time'])
      .where(key, 'in', p.ids)
      .orderBy('weekday')
      .orderBy('start_time'),
  );
const weeklyHoursIn = { provider_id: weeklyHoursQuery('provider_id'), member_id: weeklyHoursQuery('member_id') };

async function weeklyHoursBy(
  db: Db,
  key: 'provider_id' | 'member_id',
  ids: number[],
): Promise<Map<number, WeeklyInterval[]>> {
  const byKey = new Map<number, WeeklyInterval[]>();
  if (ids.length === 0) return byKey;
  const rows = await weeklyHoursIn[key].execute(db, { ids });
  for (const r of rows) {
    const list = byKey.get(r.key) ?? [];
    list.push({ weekday: r.weekday, start: r.start_time, end: r.end_time });
    byKey.set(r.key, list);
  }
  return byKey;
}

/** Replaces the whole week in one go: the editor always saves the full picture. */
export async function replaceWeeklyHours(db: Db, member: MemberKey, intervals: WeeklyInterval[]): Promise<void> {
  await db.deleteFrom('weekly_hours').where('member_id', '=', member.id).execute();
  if (intervals.length === 0) return;
  await db
    .insertInto('weekly_hours')
    .values(
      intervals.map((i) => ({
        provider_id: member.provider_id,
        member_id: member.id,
        weekday: i.weekday,
        start_time: i.start,
        end_time: i.end,
      })),
    )
    .execute();
}

/** Overrides whose date lies in [from, to] (inclusive, `YYYY-MM-DD`), as the owner entered them. */
export async function listOverrides(db: Db, providerId: number, from: string, to: string): Promise<DateOverride[]> {
  return (await overridesOf(db, [providerId], from, to)).get(providerId) ?? [];
}

/** What availability reads for dates in [from, to]: the overrides, with every date of a closure closed. */
export async function effectiveOverrides(
  db: Db,
  providerId: number,
  from: string,
  to: string,
): Promise<DateOverride[]> {
  return (await effectiveOverridesOf(db, [providerId], from, to)).get(providerId) ?? [];
}

/** `effectiveOverrides` of several providers in two queries (a page of search results). */
export async function effectiveOverridesOf(
  db: Db,
  providerIds: number[],
  from: string,
  to: string,
): Promise<Map<number, DateOverride[]>> {
  const [overrides, closures] = await Promise.all([
    overridesOf(db, providerIds, from, to),
    closuresOf(db, providerIds, from, to),
  ]);
  return new Map(
    providerIds.map((id) => [id, withClosures(overrides.get(id) ?? [], closures.get(id) ?? [], { from, to })]),
  );
}

/** One member's own overrides whose date lies in [from, to]. */
export async function listMemberOverrides(db: Db, memberId: number, from: string, to: string): Promise<DateOverride[]> {
  return (await overridesBy(db, 'member_id', [memberId], from, to)).get(memberId) ?? [];
}

/** Overrides of several providers in one query; a date with only a null row is closed. */
export async function overridesOf(
  db: Db,
  providerIds: number[],
  from: string,
  to: string,
): Promise<Map<number, DateOverride[]>> {
  return overridesBy(db, 'provider_id', providerIds, from, to);
}

/**
 * What availability reads for each member (by member id) for dates in [from, to]: their own overrides, with every
 * date of a closure of their business closed (a closure closes the whole team).
 */
export async function effectiveOverridesOfMembers(
  db: Db,
  members: MemberKey[],
  from: string,
  to: string,
): Promise<Map<number, DateOverride[]>> {
  const providerIds = [...new Set(members.map((m) => m.provider_id))];
  const [overrides, closures] = await Promise.all([
    overridesBy(
      db,
      'member_id',
      members.map((m) => m.id),
      from,
      to,
    ),
    providerIds.length ? closuresOf(db, providerIds, from, to) : new Map<number, Closure[]>(),
  ]);
  return new Map(
    members.map((m) => [
      m.id,
      withClosures(overrides.get(m.id) ?? [], closures.get(m.provider_id) ?? [], { from, to }),
    ]),
  );
}

const overridesQuery = (key: 'provider_id' | 'member_id') =>
  preparedQuery((db: Db, p: { ids: number[]; from: string; to: string }) =>
    db
      .selectFrom('date_overrides')
      .select([`${key} as key`, 'date', 'start_time', 'end_time'])
      .where(key, 'in', p.ids)
      .where('date', '>=', p.from)
      .where('date', '<=', p.to)
      .orderBy('date')
      .orderBy('start_time'),
  );
const overridesIn = { provider_id: overridesQuery('provider_id'), member_id: overridesQuery('member_id') };

async function overridesBy(
  db: Db,
  key: 'provider_id' | 'member_id',
  ids: number[],
  from: string,
  to: string,
): Promise<Map<number, DateOverride[]>> {
  if (ids.length === 0) return new Map();
  const rows = await overridesIn[key].execute(db, { ids, from, to });
  const byKey = new Map<number, Map<string, DateOverride>>();
  for (const r of rows) {
    const dates = byKey.get(r.key) ?? new Map<string, DateOverride>();
    const override = dates.get(r.date) ?? { date: r.date, intervals: [] };
    if (r.start_time !== null && r.end_time !== null) override.intervals.push({ start: r.start_time, end: r.end_time });
    dates.set(r.date, override);
    byKey.set(r.key, dates);
  }
  return new Map([...byKey].map(([id, dates]) => [id, [...dates.values()]]));
}

/** An override with no intervals is stored as one row with null times: closed all day. */
export async function replaceOverride(db: Db, member: MemberKey, override: DateOverride): Promise<void> {
  await deleteOverride(db, member, override.date);
  const key = { provider_id: member.provider_id, member_id: member.id, date: override.date };
  const rows = override.intervals.length
    ? override.intervals.map((i) => ({ ...key, start_time: i.start, end_time: i.end }))
    : [{ ...key, start_time: null, end_time: null }];
  await db.insertInto('date_overrides').values(rows).execute();
}

export async function deleteOverride(db: Db, member: MemberKey, date: string): Promise<number> {
  const result = await db
    .deleteFrom('date_overrides')
    .where('member_id', '=', member.id)
    .where('date', '=', date)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

const closuresIn = preparedQuery((db: Db, p: { providerIds: number[]; from: string; to: string }) =>
  db
    .selectFrom('closures')
    .select(['id', 'provider_id', 'from_date', 'to_date', 'label'])
    .where('provider_id', 'in', p.providerIds)
    .where('to_date', '>=', p.from)
    .where('from_date', '<=', p.to)
    .orderBy('from_date')
    .orderBy('id'),
);

/** Closures of several providers that touch [from, to], by provider, earliest first. */
export async function closuresOf(
  db: Db,
  providerIds: number[],
  from: string,
  to: string,
): Promise<Map<number, Closure[]>> {
  const rows = await closuresIn.execute(db, { providerIds, from, to });
  const byProvider = new Map<number, Closure[]>();
  for (const r of rows) {
    const list = byProvider.get(r.provider_id) ?? [];
    list.push({ id: r.id, from: r.from_date, to: r.to_date, label: r.label });
    byProvider.set(r.provider_id, list);
  }
  return byProvider;
}

export async function listClosures(db: Db, providerId: number, from: string, to: string): Promise<Closure[]> {
  return (await closuresOf(db, [providerId], from, to)).get(providerId) ?? [];
}

export async function insertClosure(db: Db, providerId: number, closure: Omit<Closure, 'id'>): Promise<Closure> {
  const row = await db
    .insertInto('closures')
    .values({ provider_id: providerId, from_date: closure.from, to_date: closure.to, label: closure.label })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...closure };
}

/** Removes one of the provider's closures; false if they have none with this id. */
export async function deleteClosure(db: Db, providerId: number, id: number): Promise<boolean> {
  return deleteOwned(db, 'closures', providerId, id);
}
