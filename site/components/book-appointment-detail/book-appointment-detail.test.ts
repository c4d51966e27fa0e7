import { expect, fixture, html } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, choose, fakeServer, json, sampleAppointment, text, until } from '../../test/helpers.js';
import './book-appointment-detail.js';
import type { BookAppointmentDetail } from './book-appointment-detail.js';

const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
const end = new Date(Date.parse(start) + 3_600_000).toISOString();
const appointment = sampleAppointment(start, end, { id: 7, cancelReason: null });
const profile = { timeZone: 'Europe/Berlin' } as Profile;

/** The detail of appointment 7 as `who` sees it, once loaded. */
async function mounted(who: Profile = profile): Promise<BookAppointmentDetail> {
  const el = await fixture<BookAppointmentDetail>(
    html`<book-appointment-detail appointment-id="7" .profile=${who}></book-appointment-detail>`,
  );
  await until(() => !!el.shadowRoot!.querySelector('.panel'), 'the appointment');
  return el;
}

/** The detail with its cancel dialog open. */
async function cancelling(): Promise<BookAppointmentDetail> {
  const el = await mounted();
  $<HTMLButtonElement>(el, 'button.danger').click();
  await el.updateComplete;
  return el;
}

describe('book-appointment-detail', () => {
  describe('when the owner cancels', () => {
    it('sends their message with the cancellation and shows it kept with the appointment, accessibly', async () => {
      const message = 'Sorry, we are closed that day.\nPlease book again.';
      const server = fakeServer((path) =>
        path.startsWith('/api/admin/emails')
          ? json(200, { emails: [] })
          : path.endsWith('/cancel')
            ? json(200, {
                appointment: { ...appointment, status: 'cancelled', cancelledBy: 'provider', cancelReason: message },
              })
            : json(200, { appointment }),
      );
      try {
        const el = await cancelling();
        const field = $<HTMLTextAreaElement>(el, '#cancel-reason');
        expect(text(el.shadowRoot!.querySelector('label[for=cancel-reason]'))).to.contain('Message to Ada Lovelace');
        await expect(el).to.be.accessible();
        choose(field, message);
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[role=alertdialog] button.danger').click();
        await until(() => !!el.shadowRoot!.querySelector('dd.message'), 'the kept message');

        expect(server.sent.find((s) => s.path.endsWith('/cancel'))).to.deep.equal({
          path: '/api/admin/appointments/7/cancel',
          body: { reason: message },
        });
        expect(text($(el, 'dd.message'))).to.equal(text({ textContent: message } as Element));
        // The action reports its status after the appointment re-rendered: wait for it rather than read it early.
        await until(() => text($(el, '[role=status]')) === 'Appointment cancelled.', 'the cancelled status');
      } finally {
        server.restore();
      }
    });
  });
});

describe('book-appointment-detail with a team', () => {
  const team = {
    members: [
      { id: 1, name: 'Anna', serviceIds: [1] },
      { id: 2, name: 'Mia', serviceIds: [1] },
      { id: 3, name: 'Leo', serviceIds: [2] },
    ],
    invitations: [],
  };
  const withAnna = { ...appointment, member: { id: 1, name: 'Anna' } };
  const owner = { ...profile, me: { memberId: 1, role: 'owner', name: 'Anna' } } as Profile;

  async function detail(reply: (path: string) => Response | undefined, shown = withAnna, who = owner) {
    const server = fakeServer(
      (path) =>
        reply(path) ??
        (path.startsWith('/api/admin/emails')
          ? json(200, { emails: [] })
          : path === '/api/admin/team'
            ? json(200, team)
            : json(200, { appointment: shown })),
    );
    return { el: await mounted(who), server };
  }

  it('names the member and gives it to another who performs the service', async () => {
    const { el, server } = await detail((path) =>
      path.endsWith('/member')
        ? json(200, { appointment: { ...withAnna, member: { id: 2, name: 'Mia' } } })
        : undefined,
    );
    try {
      expect(text($(el, 'dl'))).to.contain('WithAnna');
      await until(() => !!el.shadowRoot!.querySelector('#member'), 'the member picker');
      // Leo does not perform the haircut, and Anna has it already.
      expect([...$<HTMLSelectElement>(el, '#member').options].map((o) => o.text)).to.deep.equal([
        'Choose a member',
        'Mia',
      ]);
      await expect(el).to.be.accessible();
      choose($<HTMLSelectElement>(el, '#member'), '2');
      await el.updateComplete;
      $<HTMLButtonElement>(el, '.member-change button').click();
      await until(() => text($(el, '[role=status]')) === 'Now with Mia.', 'the change');
      expect(server.sent.find((s) => s.path.endsWith('/member'))).to.deep.equal({
        path: '/api/admin/appointments/7/member',
        body: { memberId: 2 },
      });
      expect(text($(el, 'dl'))).to.contain('WithMia');
    } finally {
      server.restore();
    }
  });

  it('says in words that the member is busy then', async () => {
    const { el, server } = await detail((path) =>
      path.endsWith('/member') ? json(409, { error: { code: 'slot_taken', message: 'Slot taken' } }) : undefined,
    );
    try {
      await until(() => !!el.shadowRoot!.querySelector('#member'), 'the member picker');
      choose($<HTMLSelectElement>(el, '#member'), '2');
      await el.updateComplete;
      $<HTMLButtonElement>(el, '.member-change button').click();
      await until(() => !!text($(el, '[role=alert]')), 'the problem');
      expect(text($(el, '[role=alert]'))).to.equal(
        'Mia is not free at that time. Choose someone else or another time.',
      );
    } finally {
      server.restore();
    }
  });

  it('offers staff no member change and no email log (neither is theirs)', async () => {
    const staff = { ...profile, me: { memberId: 1, role: 'staff', name: 'Anna' } } as Profile;
    const { el, server } = await detail(() => undefined, withAnna, staff);
    try {
      const paths = server.sent.map((s) => s.path);
      expect(paths).not.to.include('/api/admin/team');
      expect(paths.some((p) => p.startsWith('/api/admin/emails'))).to.equal(false);
      expect(el.shadowRoot!.querySelector('#member')).to.equal(null);
      expect(el.shadowRoot!.querySelector('book-mailbox')).to.equal(null);
    } finally {
      server.restore();
    }
  });

  it('cancels a whole class time with a message, after a confirm', async () => {
    const attendee = { ...withAnna, seats: 12 };
    const { el, server } = await detail(
      (path) => (path === '/api/admin/classes/cancel' ? json(200, { cancelled: 5 }) : undefined),
      attendee,
    );
    try {
      expect(text($(el, 'dl'))).to.contain('Class12 places');
      const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Cancel this class time')!;
      button.click();
      await el.updateComplete;
      expect(text($(el, '[role=alertdialog] p'))).to.contain('every attendee');
      choose($<HTMLTextAreaElement>(el, '#cancel-reason'), 'The teacher is ill.');
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[role=alertdialog] button.danger').click();
      await until(() => text($(el, '[role=status]')).startsWith('The class time is cancelled'), 'the cancellation');
      expect(server.sent.find((s) => s.path === '/api/admin/classes/cancel')!.body).to.deep.equal({
        serviceId: 1,
        memberId: 1,
        start,
        reason: 'The teacher is ill.',
      });
    } finally {
      server.restore();
    }
  });
});

describe('book-appointment-detail for an occurrence of a recurring series', () => {
  const occurrence = { ...appointment, series: { id: 5, index: 2, count: 8, everyWeeks: 2 } };

  async function cancelWith(scope: 'one' | 'following' | null) {
    const server = fakeServer((path, init) => {
      if (path.startsWith('/api/admin/emails')) return json(200, { emails: [] });
      if (!path.endsWith('/cancel')) return json(200, { appointment: occurrence });
      const following = JSON.parse(String(init?.body ?? '{}')).scope === 'following';
      return json(200, {
        appointment: { ...occurrence, status: 'cancelled', cancelledBy: 'provider' },
        cancelled: following ? 6 : 1,
      });
    });
    const el = await cancelling();
    const picker = $(el, '[role=alertdialog] book-cancel-scope');
    if (scope) picker.shadowRoot!.querySelector<HTMLInputElement>(`input[value=${scope}]`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[role=alertdialog] button.danger').click();
    await until(() => text($(el, '[role=status]')) !== '', 'the cancelled status');
    return { el, server };
  }

  it('says which appointment of the series it is, and cancels only this date by default', async () => {
    const { el, server } = await cancelWith(null);
    try {
      expect(text($(el, '[data-series]'))).to.equal('Appointment 3 of 8 · every 2 weeks');
      expect(server.sent.find((s) => s.path.endsWith('/cancel'))).to.deep.equal({
        path: '/api/admin/appointments/7/cancel',
        body: { scope: 'one' },
      });
      expect(text($(el, '[role=status]'))).to.equal('Appointment cancelled.');
    } finally {
      server.restore();
    }
  });

  it('cancels this and all following dates when chosen, and says how many', async () => {
    const { el, server } = await cancelWith('following');
    try {
      expect(server.sent.find((s) => s.path.endsWith('/cancel'))!.body).to.deep.equal({ scope: 'following' });
      expect(text($(el, '[role=status]'))).to.equal('6 appointments are cancelled: this date and the following ones.');
    } finally {
      server.restore();
    }
  });

  it('offers the choice accessibly', async () => {
    const server = fakeServer((path) =>
      path.startsWith('/api/admin/emails') ? json(200, { emails: [] }) : json(200, { appointment: occurrence }),
    );
    try {
      const el = await cancelling();
      expect(el.shadowRoot!.querySelector('[role=alertdialog] book-cancel-scope')).to.not.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });
});
