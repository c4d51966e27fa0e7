import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, type Session, signUp } from '../support/http.js';
import { cameraJpeg, png } from '../support/images.js';
import { listen } from '../support/server.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

describe('logo and photo uploads', () => {
  let ctx: TestContext;
  let server: { url: string; close: () => Promise<void> };
  let anna: ProviderFixture;
  let other: ProviderFixture;

  /** A real multipart POST over a socket, as the admin page sends it. */
  const upload = async (
    session: Session | undefined,
    parts: { kind?: string; file?: Blob; name?: string },
  ): Promise<{ status: number; body: any }> => {
    const form = new FormData();
    if (parts.kind) form.set('kind', parts.kind);
    if (parts.file) form.set('file', parts.file, parts.name ?? 'upload.jpg');
    const res = await fetch(`${server.url}/api/admin/images`, {
      method: 'POST',
      headers: { Origin: APP_URL, ...(session && { Cookie: session.cookie }) },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };
  const fetchImage = (path: string) => fetch(`${server.url}${path}`);

  beforeAll(async () => {
    ctx = await createTestContext();
    server = await listen(ctx.app);
    anna = await createProvider(ctx, { slug: 'studio-anna' });
    other = await createProvider(ctx, { slug: 'other-salon' });
  });
  afterAll(() => server.close());

  it('resizes a photo, turns it upright, strips its metadata and serves it for good by content hash', async () => {
    const res = await upload(anna.session, {
      kind: 'photo',
      file: new Blob([await cameraJpeg()], { type: 'image/jpeg' }),
    });
    expect(res.status).toBe(201);
    // 3000×2000 on its side is 2000×3000 upright; it fits inside 1600×1200.
    expect(res.body.image).toMatchObject({ kind: 'photo', width: 800, height: 1200 });
    expect(res.body.image.url).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);

    const full = await fetchImage(res.body.image.url);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/webp');
    expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 800, height: 1200 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    const thumb = await sharp(Buffer.from(await (await fetchImage(res.body.image.thumbUrl)).arrayBuffer())).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 640, height: 400 });
  });

  it('keeps one logo: a new one replaces the old, whose address is gone', async () => {
    const first = await upload(anna.session, { kind: 'logo', file: new Blob([await png(900, 600)]), name: 'logo.png' });
    expect(first.status).toBe(201);
    expect(first.body.image).toMatchObject({ kind: 'logo', width: 512, height: 341 });
    const second = await upload(anna.session, { kind: 'logo', file: new Blob([await png(100, 100)]), name: 'l.png' });
    expect(second.body.image).toMatchObject({ width: 100, height: 100 }); // never enlarged
    expect((await fetchImage(first.body.image.url)).status).toBe(404);
    expect((await fetchImage(second.body.image.url)).status).toBe(200);

    const profile = await call(ctx, 'GET', '/api/providers/studio-anna');
    expect(profile.body.images.logo.url).toBe(second.body.image.url);
    expect(profile.body.images.photos).toHaveLength(1);
  });

  it('refuses what is not a JPEG, PNG or WebP image (415), and one too large (413)', async () => {
    const text = await upload(anna.session, { kind: 'photo', file: new Blob(['hello'], { type: 'image/jpeg' }) });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await upload(anna.session, { kind: 'photo', file: new Blob([gif]), name: 'a.gif' })).status).toBe(415);

    const huge = await upload(anna.session, { kind: 'photo', file: new Blob([new Uint8Array(9 * 1024 * 1024)]) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');

    const noFile = await upload(anna.session, { kind: 'photo' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.fields.file).toBeTruthy();
    const badKind = await upload(anna.session, { kind: 'banner', file: new Blob([await png(10, 10)]) });
    expect(badKind.status).toBe(400);
  });

  it('lets only the owner list, reorder and remove: another provider gets 404, visitors 401', async () => {
    const second = await upload(anna.session, { kind: 'photo', file: new Blob([await png(400, 300)]), name: 'b.png' });
    const mine = (await call(ctx, 'GET', '/api/admin/images', { session: anna.session })).body.images;
    const photos = mine.filter((i: { kind: string }) => i.kind === 'photo').map((i: { id: number }) => i.id);
    expect(photos).toHaveLength(2);
    expect((await call(ctx, 'GET', '/api/admin/images', { session: other.session })).body.images).toEqual([]);

    const reordered = await call(ctx, 'PUT', '/api/admin/images/order', {
      session: anna.session,
      body: { ids: [...photos].reverse() },
    });
    expect(reordered.status).toBe(200);
    expect((await call(ctx, 'GET', '/api/providers/studio-anna')).body.images.photos[0].id).toBe(second.body.image.id);
    const foreignOrder = await call(ctx, 'PUT', '/api/admin/images/order', {
      session: other.session,
      body: { ids: photos },
    });
    expect(foreignOrder.status).toBe(422);

    const foreign = await call(ctx, 'DELETE', `/api/admin/images/${photos[0]}`, { session: other.session });
    expect(foreign.status).toBe(404);
    expect((await upload(undefined, { kind: 'photo', file: new Blob([await png(10, 10)]) })).status).toBe(401);
    const customer = await signUp(ctx, 'customer');
    expect((await upload(customer, { kind: 'photo', file: new Blob([await png(10, 10)]) })).status).toBe(403);

    const removed = await call(ctx, 'DELETE', `/api/admin/images/${photos[0]}`, { session: anna.session });
    expect(removed.status).toBe(204);
    expect((await call(ctx, 'DELETE', `/api/admin/images/${photos[0]}`, { session: anna.session })).status).toBe(404);
    const left = (await call(ctx, 'GET', '/api/providers/studio-anna')).body.images.photos;
    expect(left.map((p: { id: number }) => p.id)).toEqual([photos[1]]);
  });

  it('answers an unknown or malformed image address with 404', async () => {
    expect((await fetchImage(`/media/${'0'.repeat(32)}.webp`)).status).toBe(404);
    expect((await fetchImage('/media/../app.db')).status).toBe(404);
  });
});
