import { beforeEach, describe, expect, it } from 'vitest';
import { insertMember, setMemberServices } from '../../server/team/team.repository.js';
import { addService, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const page = async (ctx: TestContext, path: string): Promise<string> => {
  const res = await call(ctx, 'GET', path);
  expect(res.status).toBe(200);
  return res.body;
};

/** The profile's team section, or '' when it has none. */
const teamSection = (html: string) => /<section class="team"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

describe('the profile’s team', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let trimId: number;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { slug: 'studio-team', service: { name: 'Haircut', durationMinutes: 60 } });
    trimId = await addService(ctx, provider, { name: 'Beard trim', durationMinutes: 30 });
  });

  it('is not shown for a business of one, whose profile stays as it was', async () => {
    const html = await page(ctx, '/p/studio-team');
    expect(teamSection(html)).toBe('');
    expect(html).not.toContain('staff=');
  });

  describe('with members', () => {
    beforeEach(async () => {
      const { id } = await ctx.db
        .selectFrom('providers')
        .select('id')
        .where('slug', '=', 'studio-team')
        .executeTakeFirstOrThrow();
      const base = { provider_id: id, user_id: null, role: 'staff' as const, email: null };
      const mia = await insertMember(ctx.db, { ...base, name: 'Mia Rossi', bio: 'Colour & long hair', position: 1 });
      const noah = await insertMember(ctx.db, {
        ...base,
        name: 'Noah <Berg>',
        bio: '',
        photo_hash: 'a1b2c3',
        position: 2,
      });
      const gone = await insertMember(ctx.db, { ...base, name: 'Left Already', position: 3 });
      await ctx.db
        .updateTable('team_members')
        .set({ left_at: new Date().toISOString() })
        .where('id', '=', gone.id)
        .execute();
      await setMemberServices(ctx.db, mia.id, [provider.serviceId, trimId]);
      await setMemberServices(ctx.db, noah.id, [trimId]);
    });

    it('shows each active member with photo or initials, bio, services and a “Book with” link', async () => {
      const section = teamSection(await page(ctx, '/p/studio-team'));
      expect(section).toContain('<h2 id="team-heading">Team</h2>');
      expect(section).toContain('<span class="avatar" aria-hidden="true">MR</span>');
      expect(section).toContain('<h3>Mia Rossi</h3>');
      expect(section).toContain('<p>Colour &amp; long hair</p>');
      expect(section).toContain('<p class="muted">Haircut · Beard trim</p>');
      expect(section).toContain('href="/p/studio-team?staff=mia-rossi#book-heading">Book with Mia Rossi</a>');
      // A photo instead of initials; the name is escaped.
      expect(section).toContain('<img class="avatar" src="/media/a1b2c3.webp" alt=""');
      expect(section).toContain('<h3>Noah &lt;Berg&gt;</h3>');
      expect(section).toContain('<p class="muted">Beard trim</p>');
      // The owner is a member too; whoever left is not shown.
      expect(section.match(/<li>/g)).toHaveLength(3);
      expect(section).not.toContain('Left Already');
    });

    it('opens the widget with the member from “Book with”, and ignores names the team does not have', async () => {
      const html = await page(ctx, '/p/studio-team?staff=mia-rossi');
      expect(html).toMatch(/<book-services provider="studio-team"\s+staff="mia-rossi"/);
      expect(await page(ctx, '/p/studio-team?staff=left-already')).not.toContain('staff="');
      expect(await page(ctx, '/p/studio-team?staff=%22%3E%3Cscript%3E')).not.toContain('staff="');
      const book = await page(ctx, `/p/studio-team/book/${trimId}?staff=mia-rossi`);
      expect(book).toMatch(
        new RegExp(`<book-services provider="studio-team" service="${trimId}"\\s+staff="mia-rossi"`),
      );
    });
  });
});
