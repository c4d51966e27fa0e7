import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { connectDatabase } from '../server/db/connect.js';
import { type Dataset, openDataset } from './lib/datasets.js';
import { countStatus, type LoadResult, type LoadRounds, runLoadOn } from './lib/load.js';
import { startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface BookingFigures {
  bookingsPerSecond: number;
  /** Server CPU per booking: what one dedicated core would sustain is 1000 / this. */
  serverCpuMsPerBooking: number;
  p50Ms: number;
  p99Ms: number;
  fiveXx: number;
  unexpected: Record<string, number>;
  race: { requests: number; created: number; conflicts: number; fiveXx: number; rowsInDatabase: number };
  /** After every run: what the outboxes and the schedule hold for the bookings made. */
  integrity: Integrity;
  runs: number;
  providers: number;
  connections: number;
  secondsPerRun: number;
}

const QUARTER = 15 * 60_000;

/**
 * Request bodies for free quarter hours, dealt round-robin over the providers: `count` bodies, each slot asked
 * `perSlot` times in a row (a team's members can take that many), cycling after `slotsCycle` slots. Slots used:
 * `count / perSlot` at most.
 */
function bookingBodies(data: Dataset, firstSlot: number, count: number, slotsCycle = count, perSlot = 1): string[] {
  const base = Date.parse(`${data.firstDate}T00:00:00.000Z`);
  return Array.from({ length: count }, (_, i) => {
    const n = firstSlot + (Math.floor(i / perSlot) % slotsCycle);
    const provider = data.providers[n % data.providers.length]!;
    const start = new Date(base + Math.floor(n / data.providers.length) * QUARTER).toISOString();
    return JSON.stringify({
      provider: provider.slug,
      service: provider.serviceId,
      start,
      customer: { name: `Load Tester ${i}`, email: `load-${firstSlot + i}@bench.test` },
    });
  });
}

const CONNECTIONS = 50;
const PER_RUN = 100_000; // well above what a run can book, so no slot is ever asked for again in a later run

/**
 * Starts the app on `data` and runs a 1-second warm-up and `runs` timed rounds of `POST /api/bookings` at 50
 * connections, each round on slots not asked for before (`perSlot` requests each); then `after`, on fresh slots.
 */
async function bookingRounds<T>(
  dir: string,
  data: Dataset,
  { runs, seconds, perSlot }: { runs: number; seconds: number; perSlot: number },
  after: (post: Poster, bodiesFile: (count: number, cycle?: number) => string) => Promise<T>,
): Promise<{ results: LoadResult[]; after: T }> {
  const server = await startBenchServer(data.file);
  let nextSlot = 0;
  let files = 0;
  const bodiesFile = (first: number, count: number, cycle = count) => {
    const file = join(dir, `bodies-${files++}.jsonl`);
    writeFileSync(file, `${bookingBodies(data, first, count, cycle, perSlot).join('\n')}\n`);
    return file;
  };
  const post: Poster = (spec) =>
    runLoadOn(server, {
      connections: CONNECTIONS,
      method: 'POST',
      path: '/api/bookings',
      headers: { 'content-type': 'application/json' },
      ...spec,
    });
  try {
    await post({ bodiesFile: bodiesFile(nextSlot, 5_000), durationSeconds: 1 });
    nextSlot += 5_000;
    const results: LoadResult[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await post({ bodiesFile: bodiesFile(nextSlot, PER_RUN), durationSeconds: seconds });
      if (result.responses >= PER_RUN) throw new Error('the run outlasted its distinct slots; raise PER_RUN');
      results.push(result);
      nextSlot += PER_RUN;
    }
    return { results, after: await after(post, (count, cycle) => bodiesFile(nextSlot, count, cycle)) };
  } finally {
    await server.stop();
  }
}

type Poster = (spec: { bodiesFile: string; durationSeconds?: number; amount?: number }) => Promise<LoadResult>;

const sumStatus = (results: LoadResult[], code: string) =>
  results.reduce((sum, r) => sum + (r.statusCodes[code] ?? 0), 0);

/** The figures every booking benchmark reports, medians over the timed rounds. */
function rateFigures(results: LoadResult[]) {
  const unexpected: Record<string, number> = {};
  for (const result of results) {
    for (const [code, n] of Object.entries(result.statusCodes))
      if (code !== '201') unexpected[code] = (unexpected[code] ?? 0) + n;
  }
  return {
    bookingsPerSecond: median(results.map((r) => (r.statusCodes['201'] ?? 0) / r.durationSeconds)),
    serverCpuMsPerBooking: median(results.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
    p50Ms: median(results.map((r) => r.latencyMs.p50)),
    p99Ms: median(results.map((r) => r.latencyMs.p99)),
    fiveXx: results.reduce((sum, r) => sum + countStatus(r, '5'), 0),
    unexpected,
  };
}

export interface Integrity {
  /** Confirmed appointments the benchmark booked. */
  booked: number;
  /** Two members' (or one member's two) confirmed appointments on one start and seat: must be 0. */
  doubleBookings: number;
  /** Booked appointments without their customer's and provider's email in the outbox: must be 0. */
  missingEmails: number;
  /** Booked appointments of a member with a connected calendar but no sync job: must be 0. */
  missingCalendarJobs: number;
}

/** Every booking made has its two emails and (with a connected calendar) its sync job; no start is taken twice. */
async function checkIntegrity(file: string): Promise<Integrity> {
  const db = connectDatabase(`sqlite:${file}`);
  try {
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await query.execute(db)).rows[0]?.n ?? Number.NaN);
    const booked = sql`select id, member_id from appointments where status = 'confirmed' and customer_email like 'load-%@bench.test'`;
    return {
      booked: await count(sql<{ n: number }>`select count(*) as n from (${booked})`),
      doubleBookings: await count(
        sql<{ n: number }>`select count(*) as n from (select 1 from appointments where status = 'confirmed'
          group by member_id, start_at, seat having count(*) > 1)`,
      ),
      missingEmails: await count(
        sql<{ n: number }>`select count(*) as n from (${booked}) b where (select count(*) from email_outbox e
          where e.appointment_id = b.id and e.kind = 'confirmation') < 2`,
      ),
      missingCalendarJobs: await count(
        sql<{ n: number }>`select count(*) as n from (${booked}) b
          where exists (select 1 from calendar_connections c where c.member_id = b.member_id)
          and not exists (select 1 from sync_jobs j where j.appointment_id = b.id)`,
      ),
    };
  } finally {
    await db.destroy();
  }
}

/**
 * Benchmark 3: `POST /api/bookings` at 50 connections for 30 s, every request for a different free slot of one of
 * 100 providers; then 2,000 requests racing for the same 10 slots, which must give exactly 10 bookings; then the
 * database is checked: no start taken twice, every booking's emails (and calendar jobs) in the outboxes.
 */
export async function benchBookings(dir: string, { runs = 1, seconds = 30 }: LoadRounds = {}): Promise<BookingFigures> {
  const data = await openDataset(dir, 100);
  const { results, after } = await bookingRounds(dir, data, { runs, seconds, perSlot: 1 }, async (post, bodies) => {
    const file = bodies(2_000, 10);
    const race = await post({ bodiesFile: file, amount: 2_000 });
    return { race, file };
  });
  const { race } = after;
  const raceStarts = [
    ...new Set(
      readFileSync(after.file, 'utf8')
        .trim()
        .split('\n')
        .map((b) => (JSON.parse(b) as { start: string }).start),
    ),
  ];
  const db = connectDatabase(`sqlite:${data.file}`);
  const raceRows = await db
    .selectFrom('appointments')
    .select(db.fn.countAll<number>().as('n'))
    .where('start_at', 'in', raceStarts)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  await db.destroy();
  return {
    ...rateFigures(results),
    integrity: await checkIntegrity(data.file),
    race: {
      requests: race.responses,
      created: race.statusCodes['201'] ?? 0,
      conflicts: race.statusCodes['409'] ?? 0,
      fiveXx: countStatus(race, '5'),
      rowsInDatabase: Number(raceRows.n),
    },
    runs,
    providers: data.providers.length,
    connections: CONNECTIONS,
    secondsPerRun: seconds,
  };
}

export interface TeamBookingFigures extends ReturnType<typeof rateFigures> {
  created: number;
  conflicts: number;
  businesses: number;
  members: number;
  runs: number;
  connections: number;
  secondsPerRun: number;
}

/**
 * Benchmark 3b: the same load on 20 businesses of 5 members each, every request "any available" (no `staff`); each
 * slot is asked for 6 times in a row, so 5 book (one per member, chosen at commit) and the sixth gets 409.
 */
export async function benchTeamBookings(
  dir: string,
  { runs = 3, seconds = 5 }: LoadRounds = {},
): Promise<TeamBookingFigures> {
  const members = 5;
  const data = await openDataset(dir, 20, 'team', members);
  const { results } = await bookingRounds(dir, data, { runs, seconds, perSlot: members + 1 }, async () => undefined);
  return {
    ...rateFigures(results),
    created: sumStatus(results, '201'),
    conflicts: sumStatus(results, '409'),
    businesses: data.providers.length,
    members,
    runs,
    connections: CONNECTIONS,
    secondsPerRun: seconds,
  };
}
