import nodeIcal, { type VEvent } from 'node-ical';
import type { Email } from 'postal-mime';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { parseBoth } from '../support/ical.js';
import { realInbox } from '../support/inbox.js';
import { bookWithMember, inviteAndJoin, type MemberFixture } from '../support/team.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const START = '2026-12-02T09:00:00.000Z';
const ADA = { name: 'Ada', email: 'ada@example.com' };

const fileOf = (email: Email | undefined) => {
  const file = email?.attachments.find((a) => a.filename === 'invite.ics');
  expect(file, `no invitation in "${email?.subject}"`).toBeDefined();
  const text = typeof file!.content === 'string' ? file!.content : new TextDecoder().decode(file!.content);
  return { text, mimeMethod: file!.method };
};

/** The one calendar file an email carries, as two independent parsers read it (and its METHOD as mail sees it). */
function invitationOf(email: Email | undefined) {
  const { text, mimeMethod } = fileOf(email);
  const parsed = parseBoth(text);
  expect(parsed.nodeIcal.map((e) => e.uid)).toEqual(parsed.icalJs.map((e) => e.uid));
  return { method: parsed.method, mimeMethod, uid: parsed.nodeIcal[0]?.uid };
}

/** The event's start and organizer as node-ical reads them. */
function eventOf(email: Email | undefined) {
  const event = Object.values(nodeIcal.sync.parseICS(fileOf(email).text)).find((c): c is VEvent => c.type === 'VEVENT');
  return { start: event?.start.toISOString(), organizer: JSON.stringify(event?.organizer ?? '') };
}

describe('an appointment handed to another member', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let provider: ProviderFixture;
  let mia: MemberFixture;
  let ben: MemberFixture;
  let ownerEmail: string;
  let id: number;
  let uid: string | undefined;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx, { profile: { name: 'Studio Anna' } });
    mia = await inviteAndJoin(ctx, provider, { email: 'mia@example.com', name: 'Mia', role: 'staff' });
    ben = await inviteAndJoin(ctx, provider, { email: 'ben@example.com', name: 'Ben', role: 'staff' });
    const intervals = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
    for (const member of [mia, ben]) {
      const hours = await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${member.memberId}`, {
        session: provider.session,
        body: { intervals },
      });
      expect(hours.status).toBe(200);
    }
    ownerEmail = (
      await ctx.db.selectFrom('users').select('email').where('id', '=', provider.userId).executeTakeFirstOrThrow()
    ).email;
    id = await bookWithMember(ctx, provider, mia.memberId, START, ADA);
    await inbox.deliver(ctx);
    uid = invitationOf(inbox.of(ADA.email)[0]).uid;
    inbox.smtp.received.length = 0;
  });

  /** What each side receives once the appointment went from Mia to Ben. */
  async function expectHandedFromMiaToBen() {
    await inbox.deliver(ctx);
    const [toMia, ...moreToMia] = inbox.of(mia.email);
    expect(moreToMia).toEqual([]);
    expect(toMia?.subject).toMatch(/^Now with Ben: Ada, Consultation with Ben, /);
    expect(toMia?.text).toContain('no longer yours');
    expect(invitationOf(toMia)).toEqual({ method: 'CANCEL', mimeMethod: 'CANCEL', uid });

    const [toBen, ...moreToBen] = inbox.of(ben.email);
    expect(moreToBen).toEqual([]);
    expect(toBen?.subject).toMatch(/^New booking: Ada, Consultation with Ben, /);
    expect(toBen?.text).toContain("was Mia's and is now yours");
    expect(invitationOf(toBen)).toEqual({ method: 'REQUEST', mimeMethod: 'REQUEST', uid });

    const [toAda, ...moreToAda] = inbox.of(ADA.email);
    expect(moreToAda).toEqual([]);
    expect(toAda?.subject).toMatch(/^Booking updated: Consultation with Ben at Studio Anna, /);
    expect(toAda?.text).toContain('Ben instead of Mia');
    expect(toAda?.text).toContain('The time stays the same');
    expect(toAda?.text).not.toContain('Previously');
    // The customer's event is the same one, updated: Ben's address organizes it now.
    expect(invitationOf(toAda)).toEqual({ method: 'REQUEST', mimeMethod: 'REQUEST', uid });
    expect(eventOf(toAda).organizer).toContain(ben.email);
    expect(inbox.of(ownerEmail)).toEqual([]);
  }

  it('the owner changes the member: Mia gets a cancellation, Ben a new booking, Ada an update naming Ben', async () => {
    const res = await call(ctx, 'PUT', `/api/admin/appointments/${id}/member`, {
      session: provider.session,
      body: { memberId: ben.memberId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expectHandedFromMiaToBen();
  });

  it('Mia is removed and her appointment reassigned to Ben: the same three emails', async () => {
    const res = await call(ctx, 'DELETE', `/api/admin/team/${mia.memberId}`, {
      session: provider.session,
      body: { future: 'reassign', reassignTo: ben.memberId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    await expectHandedFromMiaToBen();
  });

  it('a reschedule that also changes the member tells Mia of the time she had and Ada of both changes', async () => {
    const res = await call(ctx, 'POST', `/api/admin/appointments/${id}/reschedule`, {
      session: provider.session,
      body: { start: '2026-12-02T13:00:00.000Z', staff: ben.slug },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await inbox.deliver(ctx);
    const [toMia] = inbox.of(mia.email);
    expect(toMia?.subject).toMatch(/^Now with Ben: /);
    expect(invitationOf(toMia)).toEqual({ method: 'CANCEL', mimeMethod: 'CANCEL', uid });
    expect(eventOf(toMia).start).toBe(START);
    const [toAda] = inbox.of(ADA.email);
    expect(toAda?.subject).toMatch(/^Booking updated: Consultation with Ben at Studio Anna, /);
    expect(toAda?.text).toContain('It has a new time too');
    expect(toAda?.text).toContain('Previously');
    expect(inbox.of(ben.email).map((e) => e.subject)).toEqual([expect.stringMatching(/^New booking: /)]);
  });
});
