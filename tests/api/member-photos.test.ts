import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { cameraJpeg, png } from '../support/images.js';
import { MIA_STAFF, ownerIdOf } from '../support/member-fixtures.js';
import { listen } from '../support/server.js';
import { inviteAndJoin, type MemberFixture } from '../support/team.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

describe('team member photos', () => {
  let ctx: TestContext;
  let server: { url: string; close: () => Promise<void> };
  let anna: ProviderFixture;
  let other: ProviderFixture;
  let mia: MemberFixture;
  let ben: MemberFixture;

  /** A real multipart PUT over a socket, as the Team page sends it. */
  const upload = async (session: Session | undefined, memberId: number | string, file?: Blob, name = 'me.jpg') => {
    const form = new FormData();
    if (file) form.set('file', file, name);
    const res = await fetch(`${server.url}/api/admin/team/${memberId}/photo`, {
      method: 'PUT',
      headers: { Origin: APP_URL, ...(session && { Cookie: session.cookie }) },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };
  const remove = (session: Session, memberId: number) =>
    call(ctx, 'DELETE', `/api/admin/team/${memberId}/photo`, { session });
  const fetchImage = (path: string) => fetch(`${server.url}${path}`);
  const publicTeam = async () =>
    (await call(ctx, 'GET', `/api/providers/${anna.slug}`)).body.team as { slug: string; photoUrl: string | null }[];
  const photoOf = async (slug: string) => (await publicTeam()).find((m) => m.slug === slug)?.photoUrl;

  beforeAll(async () => {
    ctx = await createTestContext();
    server = await listen(ctx.app);
    anna = await createProvider(ctx, { profile: { name: 'Studio Anna' } });
    other = await createProvider(ctx, { profile: { name: 'Other Salon' } });
    mia = await inviteAndJoin(ctx, anna, MIA_STAFF);
    ben = await inviteAndJoin(ctx, anna, { email: 'ben@example.com', name: 'Ben', role: 'staff' });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    for (const id of [mia.memberId, ben.memberId, await ownerIdOf(ctx, anna)])
      expect((await remove(anna.session, id)).status).toBe(204);
  });

  it('the owner uploads a member’s photo: a square WebP, upright and without metadata, public for good', async () => {
    const res = await upload(anna.session, mia.memberId, new Blob([await cameraJpeg()], { type: 'image/jpeg' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.photoUrl).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);

    const image = await fetchImage(res.body.photoUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(image.headers.get('set-cookie')).toBeNull();
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    // Everywhere the member shows: the public API (widget), the admin's team list and the profile page.
    expect(await photoOf(mia.slug)).toBe(res.body.photoUrl);
    expect(await photoOf(ben.slug)).toBeNull();
    const team = (await call(ctx, 'GET', '/api/admin/team', { session: anna.session })).body.members;
    expect(team.find((m: { id: number }) => m.id === mia.memberId).photoUrl).toBe(res.body.photoUrl);
    const page = (await call(ctx, 'GET', `/p/${anna.slug}`)).body as string;
    expect(page).toContain(`<img class="avatar" src="${res.body.photoUrl}" alt="" width="64" height="64"`);
  });

  it('replaces a photo (the old address is gone) and removes it (initials again)', async () => {
    const first = await upload(anna.session, mia.memberId, new Blob([await png(300, 300)]), 'a.png');
    const second = await upload(anna.session, mia.memberId, new Blob([await png(80, 80, '#62a')]), 'b.png');
    expect(second.status).toBe(200);
    expect(second.body.photoUrl).not.toBe(first.body.photoUrl);
    expect((await fetchImage(first.body.photoUrl)).status).toBe(404);
    expect((await fetchImage(second.body.photoUrl)).status).toBe(200);
    expect(await photoOf(mia.slug)).toBe(second.body.photoUrl);

    expect((await remove(anna.session, mia.memberId)).status).toBe(204);
    expect(await photoOf(mia.slug)).toBeNull();
    expect((await fetchImage(second.body.photoUrl)).status).toBe(404);
    const page = (await call(ctx, 'GET', `/p/${anna.slug}`)).body as string;
    expect(page).toContain('<span class="avatar" aria-hidden="true">M</span>');
  });

  it('staff change their own photo only; another business’s owner does not even find the member', async () => {
    const own = await upload(mia.session, mia.memberId, new Blob([await png(100, 100)]), 'mia.png');
    expect(own.status).toBe(200);
    const me = (await call(ctx, 'GET', '/api/admin/profile', { session: mia.session })).body.profile.me;
    expect(me).toMatchObject({ memberId: mia.memberId, photoUrl: own.body.photoUrl });

    const bens = await upload(mia.session, ben.memberId, new Blob([await png(100, 100)]), 'x.png');
    expect(bens.status).toBe(403);
    expect(bens.body.error.code).toBe('forbidden');
    expect((await remove(ben.session, mia.memberId)).status).toBe(403);
    const owners = await upload(mia.session, await ownerIdOf(ctx, anna), new Blob([await png(100, 100)]), 'x.png');
    expect(owners.status).toBe(403);

    const foreign = await upload(other.session, mia.memberId, new Blob([await png(100, 100)]), 'x.png');
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await remove(other.session, mia.memberId)).status).toBe(404);
    expect(await photoOf(mia.slug)).toBe(own.body.photoUrl);

    expect((await upload(undefined, mia.memberId, new Blob([await png(10, 10)]))).status).toBe(401);
    expect((await upload(await signUp(ctx, 'customer'), mia.memberId, new Blob([await png(10, 10)]))).status).toBe(403);
  });

  it('refuses a file that is not an image (415), too large (413), missing (400); an unknown member is 404', async () => {
    const text = await upload(anna.session, mia.memberId, new Blob(['hello'], { type: 'image/jpeg' }));
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const huge = await upload(anna.session, mia.memberId, new Blob([new Uint8Array(9 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const none = await upload(anna.session, mia.memberId);
    expect(none.status).toBe(400);
    expect(none.body.error.fields.file).toBeTruthy();
    expect((await upload(anna.session, 999_999, new Blob([await png(10, 10)]))).status).toBe(404);
    expect((await upload(anna.session, 'mia', new Blob([await png(10, 10)]))).status).toBe(404);
    expect(await photoOf(mia.slug)).toBeNull();
  });

  it('a member who left is no longer shown: their photo’s address answers 404', async () => {
    const photo = await upload(anna.session, ben.memberId, new Blob([await png(120, 120)]), 'ben.png');
    expect((await fetchImage(photo.body.photoUrl)).status).toBe(200);
    const removed = await call(ctx, 'DELETE', `/api/admin/team/${ben.memberId}`, {
      session: anna.session,
      body: { future: 'cancel' },
    });
    expect(removed.status).toBe(204);
    expect((await fetchImage(photo.body.photoUrl)).status).toBe(404);
    expect((await upload(anna.session, ben.memberId, new Blob([await png(10, 10)]))).status).toBe(404);
  });
});
