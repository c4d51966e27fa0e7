import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWriteLock } from '../../server/db/transaction.js';
import { createSlotsCache, type SlotsCache, type SlotsEntry } from '../../server/slots/slots-cache.js';
import { sharedSlotsVersions } from '../../server/slots/slots-versions.js';
import { createProvider } from '../support/fixtures.js';
import { createTestContext, NOW } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

/** An answer of `providerId` read at `version`: only those two matter here. */
const entry = (providerId: number, version: number): Omit<SlotsEntry, 'bornAt'> => ({
  providerId,
  version,
  busyReads: [],
  body: new Uint8Array(),
  etag: '""',
  busy: [],
  validFrom: 0,
  validUntil: 0,
});

// Two pools on one database file (one PostgreSQL database under `npm run test:pg`): two instances' caches.
describe('createSlotsCache with versions in the database', () => {
  const twoInstances = async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'slots-versions-')), 'app.db')}`;
    const ctx = await createTestContext({ config: { databaseUrl: url } });
    const provider = await createProvider(ctx);
    const { id } = await ctx.db
      .selectFrom('providers')
      .select('id')
      .where('slug', '=', provider.slug)
      .executeTakeFirstOrThrow();
    const other = openTestDatabase(url);
    const [a, b] = [ctx.db, other].map((db) => createSlotsCache({ versions: sharedSlotsVersions(db) })) as [
      SlotsCache,
      SlotsCache,
    ];
    return { ctx, provider, id, a, b };
  };

  it("stales an instance's answers at once when another records a change of their business", async () => {
    const { provider, id, a, b } = await twoInstances();
    b.set('k', entry(id, await b.version(provider.slug)));
    b.set('other', entry(id + 1, 0));
    expect(await b.get('k')).toBeDefined();
    await a.invalidateProvider(id);
    expect(await b.get('k')).toBeUndefined();
    expect(await b.get('other')).toBeDefined();
    // An answer read after the change holds again.
    b.set('k', entry(id, await b.version(provider.slug)));
    expect(await b.get('k')).toBeDefined();
  });

  it('counts an appointment change when its transaction commits, and not when it rolls back', async () => {
    const { ctx, provider, id, a, b } = await twoInstances();
    b.set('k', entry(id, await b.version(provider.slug)));
    const refused = new Error('refused');
    await expect(
      withWriteLock(ctx.db, async (trx) => {
        await a.appointmentListener(trx, { providerId: id });
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await b.get('k')).toBeDefined();
    await withWriteLock(ctx.db, (trx) => a.appointmentListener(trx, { providerId: id }));
    expect(await b.get('k')).toBeUndefined();
  });

  it("stales a business's remembered next available time on every instance, read for a page at once", async () => {
    const { id, a, b } = await twoInstances();
    const answer = { start: NOW.getTime(), validFrom: 0, validUntil: NOW.getTime(), busy: [] };
    const taken = await b.nextAvailable.versionsOf([id, id + 1]);
    b.nextAvailable.set(id, answer, taken.get(id)!);
    b.nextAvailable.set(id + 1, answer, taken.get(id + 1)!);
    await a.invalidateProvider(id);
    const now = await b.nextAvailable.versionsOf([id, id + 1]);
    expect(b.nextAvailable.get(id, now.get(id)!)).toBeUndefined();
    expect(b.nextAvailable.get(id + 1, now.get(id + 1)!)).toMatchObject(answer);
  });

  it('takes the version of a business by a slug it had before a rename', async () => {
    const { ctx, provider, id, a } = await twoInstances();
    await a.invalidateProvider(id);
    await ctx.db.insertInto('provider_slugs').values({ slug: 'former-name', provider_id: id }).execute();
    expect(await a.version('former-name')).toBe(await a.version(provider.slug));
    expect(await a.version(provider.slug)).toBeGreaterThan(0);
    expect(await a.version('nobody')).toBe(0);
  });
});
