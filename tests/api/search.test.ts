import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory, SECRETS } from '../support/directory.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

/** The directory's forgiving search: stems, synonyms in English, German and Portuguese, typos, suggestions. */
describe('directory search forgives', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  const slugs = async (q: string, extra = '') =>
    (await call(ctx, 'GET', `/api/providers?q=${encodeURIComponent(q)}${extra}`)).body.providers.map(
      (p: { slug: string }) => p.slug,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ anna } = await createDirectory(ctx, { description: 'Cuts and colour.', service: 'Colouring' }));
    await createProvider(ctx, {
      slug: 'clinica-costa',
      timeZone: 'Europe/Lisbon',
      profile: { name: 'Clínica Dentária Costa', category: 'Dentist', city: 'Lisbon', description: 'Check-ups.' },
      service: { name: 'Limpeza' },
    });
  });

  it('finds a hair salon by what people call it, in English, German and Portuguese', async () => {
    for (const q of ['hairdresser', 'hairdressers', 'haircut', 'Friseur', 'friseursalon', 'cabeleireiro', 'barbearia'])
      expect(await slugs(q), q).toEqual(['studio-anna']);
    for (const q of ['Zahnarzt', 'zahnärzte', 'dentista', 'dental'])
      expect(await slugs(q), q).toEqual(['clinica-costa']);
    for (const q of ['physiotherapist', 'Physiotherapie', 'fisioterapia'])
      expect(await slugs(q), q).toEqual(['brooklyn-physio']);
  });

  it('matches word stems and accents either way', async () => {
    expect(await slugs('colours')).toEqual(['studio-anna']); // "Colouring", "colour"
    expect(await slugs('injury')).toEqual(['brooklyn-physio']); // "injuries"
    expect(await slugs('dentaria')).toEqual(['clinica-costa']); // "Dentária"
    expect(await slugs('clínica lisbon')).toEqual(['clinica-costa']);
  });

  it('forgives a typo in a longer word, not in a short one', async () => {
    expect(await slugs('hairdreser')).toEqual(['studio-anna']);
    expect(await slugs('Frisuer')).toEqual(['studio-anna']);
    expect(await slugs('physoitherapy')).toEqual(['brooklyn-physio']);
    expect(await slugs('Brooklin')).toEqual(['brooklyn-physio']);
    expect(await slugs('nna')).toEqual([]); // three letters: no correction ("Anna" is a prefix, not a typo)
  });

  it('still needs every word, and keeps the filters', async () => {
    expect(await slugs('friseur lisbon')).toEqual([]);
    expect(await slugs('friseur berlin')).toEqual(['studio-anna']);
    expect(await slugs('friseur', '&city=Lisbon')).toEqual([]);
    expect(await slugs('%_*"')).toEqual([]); // only punctuation: nothing, not everything
    expect(await slugs('"hair" -colour*')).toEqual(['studio-anna']); // FTS syntax typed is just words
  });

  it('re-indexes a business when its profile or services change', async () => {
    await call(ctx, 'POST', '/api/admin/services', {
      session: anna.session,
      body: { name: 'Balayage', durationMinutes: 90, price: { amountMinor: 9000, currency: 'EUR' } },
    });
    expect(await slugs('balayage')).toEqual(['studio-anna']);
    await ctx.db.updateTable('providers').set({ category: 'Massage' }).where('slug', '=', 'studio-anna').execute();
    expect(await slugs('masseur')).toEqual(['studio-anna']);
    // The salon's services still say "Colouring"; the word "hair" is gone with the category.
    expect(await slugs('hairdresser')).toEqual([]);
    await ctx.db.updateTable('providers').set({ category: 'Hair salon' }).where('slug', '=', 'studio-anna').execute();
    expect(await slugs('hairdresser')).toEqual(['studio-anna']);
  });

  it('suggests a respelt query, nearby matches and categories when nothing matches', async () => {
    const res = await call(ctx, 'GET', `/api/providers?q=${encodeURIComponent('friseur lisbon')}`);
    expect(res.status).toBe(200);
    expect(res.body.providers).toEqual([]);
    expect(res.body.suggestions.categories).toEqual(['Dentist', 'Hair salon', 'Physiotherapy']);
    expect(res.body.suggestions.nearby.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'clinica-costa',
      'studio-anna',
    ]);
    expect(res.body.suggestions.nearby[0]).toEqual({
      slug: expect.any(String),
      name: expect.any(String),
      category: expect.any(String),
      city: expect.any(String),
    });
    // Three letters off in a long word: beyond the search's own tolerance, within a suggestion's.
    const far = await call(ctx, 'GET', '/api/providers?q=Berlinnnn');
    expect(far.body.providers).toEqual([]);
    expect(far.body.suggestions.didYouMean).toBe('berlin');
    // A result, or no text at all: no suggestions.
    expect((await call(ctx, 'GET', '/api/providers?q=friseur')).body.suggestions).toBeUndefined();
    expect((await call(ctx, 'GET', '/api/providers?city=Paris')).body.suggestions).toBeUndefined();
  });

  it('never finds or shows a customer by what they wrote or who they are', async () => {
    for (const q of ['Quentin', 'private', 'allergy', '5555555']) {
      const res = await call(ctx, 'GET', `/api/providers?q=${q}`);
      expect(res.body.providers, q).toEqual([]);
      const text = JSON.stringify(res.body);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
    const page = await call(ctx, 'GET', '/?q=hairdresser');
    for (const secret of SECRETS) expect(page.body).not.toContain(secret);
  });
});
