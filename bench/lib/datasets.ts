import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { WeeklyInterval } from '../../server/availability/availability.types.js';
import { appointmentsIn, BUSY, datesFrom, overridesIn, threeIntervalsEveryDay } from './scenario.js';
import { appointmentRows, insertAppointments, openBenchDatabase, type SeededProvider, seedProviders } from './seed.js';

export interface Dataset {
  file: string;
  providers: SeededProvider[];
  /** The first bookable local date (tomorrow in the providers' zone). */
  firstDate: string;
}

const tomorrow = (zone: string) => DateTime.now().setZone(zone).plus({ days: 1 }).toISODate()!;

/** Benchmark 2: benchmark 1's busy provider in a database: 2,000 appointments over the next 60 days, 50 overrides. */
export async function busyDataset(dir: string): Promise<Dataset> {
  const file = join(dir, 'busy.db');
  const db = await openBenchDatabase(file);
  const firstDate = tomorrow(BUSY.timeZone);
  const dates = datesFrom(firstDate, BUSY.days);
  const providers = await seedProviders(db, {
    count: 1,
    slugPrefix: 'busy',
    timeZone: BUSY.timeZone,
    weekly: threeIntervalsEveryDay(),
    overrides: overridesIn(dates, BUSY.overrides),
    serviceMinutes: BUSY.serviceMinutes,
    rules: { minNoticeMinutes: 60, maxDaysAhead: 365, slotStepMinutes: BUSY.stepMinutes },
  });
  await insertAppointments(
    db,
    appointmentRows(providers[0]!, appointmentsIn(dates, BUSY.timeZone, BUSY.appointments), () => 'confirmed'),
  );
  await db.destroy();
  return { file, providers, firstDate };
}

const allDay: WeeklyInterval[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));

/** Benchmark 3: providers open around the clock with a 15-minute service and no appointments yet; `members` each. */
export async function openDataset(dir: string, count: number, name = 'open', members = 1): Promise<Dataset> {
  const file = join(dir, `${name}.db`);
  const db = await openBenchDatabase(file);
  const zone = 'UTC';
  const providers = await seedProviders(db, {
    count,
    slugPrefix: name,
    timeZone: zone,
    weekly: allDay,
    serviceMinutes: 15,
    members,
    rules: { minNoticeMinutes: 0, maxDaysAhead: 365, slotStepMinutes: 15 },
  });
  await db.destroy();
  return { file, providers, firstDate: tomorrow(zone) };
}

/** How many providers every growth database holds with the same content: the ones the questions are about. */
export const PROBES = 10;

/**
 * Benchmark 5: ten "probe" providers with the same content in every database (the busy schedule; 300 confirmed
 * appointments in the coming 60 days and 700 completed ones in the past year), among `background` other providers
 * sharing `appointments` appointments spread over the last two years (completed, a few cancelled) and the coming
 * 60 days (confirmed). The questions are about the probes, so any change in their cost comes from the database
 * growing around them.
 */
export async function growthDataset(dir: string, background: number, appointmentCount: number): Promise<Dataset> {
  const file = join(dir, `growth-${background}-${appointmentCount}.db`);
  const db = await openBenchDatabase(file);
  const zone = BUSY.timeZone;
  const firstDate = tomorrow(zone);
  const future = datesFrom(firstDate, 60);
  const past = (days: number) => datesFrom(DateTime.fromISO(firstDate).minus({ days }).toISODate()!, days);
  const plan = (count: number, slugPrefix: string) => ({
    count,
    slugPrefix,
    timeZone: zone,
    weekly: threeIntervalsEveryDay(),
    overrides: overridesIn(future, 5),
    serviceMinutes: BUSY.serviceMinutes,
    rules: { minNoticeMinutes: 60, maxDaysAhead: 365, slotStepMinutes: BUSY.stepMinutes },
  });
  const probes = await seedProviders(db, plan(PROBES, 'probe'));
  for (const [i, probe] of probes.entries()) {
    await insertAppointments(db, [
      ...appointmentRows(probe, appointmentsIn(future, zone, 300, 500 + i), () => 'confirmed'),
      ...appointmentRows(probe, appointmentsIn(past(365), zone, 700, 600 + i), () => 'completed'),
    ]);
  }
  const others = await seedProviders(db, plan(background, 'other'));
  const dates = [...past(730), ...future];
  const now = Date.now();
  let rows = [];
  for (const [i, provider] of others.entries()) {
    const count = Math.floor(appointmentCount / background) + (i < appointmentCount % background ? 1 : 0);
    if (count === 0) continue;
    const intervals = appointmentsIn(dates, zone, count, 1000 + i);
    rows.push(
      ...appointmentRows(provider, intervals, (a, n) =>
        a.start > now ? 'confirmed' : n % 20 === 0 ? 'cancelled' : 'completed',
      ),
    );
    if (rows.length >= 20_000) {
      await insertAppointments(db, rows);
      rows = [];
    }
  }
  await insertAppointments(db, rows);
  await db.destroy();
  return { file, providers: probes, firstDate };
}
