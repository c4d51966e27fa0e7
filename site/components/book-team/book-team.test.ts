import { expect, fixture, html } from '@open-wc/testing';
import type { AdminMember, AdminService, Profile, Team } from '../../api/types.js';
import { $, $$, choose, fakeServer, json, pickFile, text, until } from '../../test/helpers.js';
import './book-team.js';
import type { BookMemberDeparture } from '../book-member-departure/book-member-departure.js';
import type { BookMemberForm } from '../book-member-form/book-member-form.js';
import type { BookMemberPhoto } from '../book-member-photo/book-member-photo.js';
import type { BookTeam } from './book-team.js';

const member = (id: number, name: string, role: AdminMember['role'], serviceIds: number[]): AdminMember => ({
  id,
  slug: name.toLowerCase(),
  name,
  role,
  email: `${name.toLowerCase()}@example.com`,
  bio: '',
  photoUrl: null,
  serviceIds,
  joined: role !== 'staff',
  position: id,
});
const team: Team = {
  members: [member(1, 'Anna Berg', 'owner', [1, 2]), member(2, 'Mia', 'admin', [1]), member(3, 'Leo', 'staff', [])],
  invitations: [{ id: 9, email: 'zoe@example.com', name: 'Zoe', role: 'staff', expiresAt: '2026-12-07T10:00:00Z' }],
};
const services = [
  { id: 1, name: 'Haircut' },
  { id: 2, name: 'Colour' },
] as AdminService[];
const profile = (role: AdminMember['role'], memberId = 1) =>
  ({ name: 'Studio Anna', timeZone: 'Europe/Berlin', me: { memberId, role, name: 'X' } }) as Profile;

/** The team page over a fake server that answers the team and services and records every change. */
async function teamPage(role: AdminMember['role'] = 'owner', memberId = 1) {
  const server = fakeServer((path) =>
    path === '/api/admin/services'
      ? json(200, { services })
      : path === '/api/admin/team'
        ? json(200, team)
        : json(200, {}),
  );
  const el = await fixture<BookTeam>(html`<book-team .profile=${profile(role, memberId)}></book-team>`);
  await until(() => !el.shadowRoot!.querySelector('.loading'), 'the team');
  const changes = () => server.sent.filter((s) => !['/api/admin/team', '/api/admin/services'].includes(s.path));
  return { el, server, changes };
}

/** Clicks `button` and waits for the question it opens: what becomes of the member's future appointments. */
async function departure(el: BookTeam, button: HTMLButtonElement): Promise<BookMemberDeparture> {
  button.click();
  await el.updateComplete;
  const dialog = $<BookMemberDeparture>(el, 'book-member-departure');
  await dialog.updateComplete;
  return dialog;
}

const photoControls = (panel: Element) => panel.querySelector<BookMemberPhoto>('book-member-photo')!;
const PHOTO = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';

const memberPanel = (el: BookTeam, name: string) =>
  $$(el, '[part=member]').find((li) => text(li.querySelector('h3')).startsWith(name))!;

describe('book-team', () => {
  it('lists members with initials, role, whether they joined and their services, and pending invitations, accessibly', async () => {
    const { el, server } = await teamPage();
    try {
      const rows = $$(el, '[part=member]').map(text);
      expect(rows[0]).to.contain('AB').and.contain('Anna Berg (you) Owner').and.contain('Performs: Haircut, Colour');
      expect(rows[1]).to.contain('Mia Admin').and.contain('Joined').and.contain('Performs: Haircut');
      expect(rows[2]).to.contain('Has not signed in yet').and.contain('Performs no service yet');
      // The owner cannot be removed; the others can.
      expect(text(memberPanel(el, 'Anna'))).not.to.contain('Remove');
      expect(text($(el, '.invitations'))).to.contain('Zoe · zoe@example.com · Staff');
      await expect(el).to.be.accessible();
    } finally {
      server.restore();
    }
  });

  it('invites by name, email and role, and revokes a pending invitation', async () => {
    const { el, server, changes } = await teamPage();
    try {
      const form = $(el, 'book-invite-form');
      choose($<HTMLInputElement>(form, '#invite-name'), 'Noor');
      choose($<HTMLInputElement>(form, '#invite-email'), 'noor@example.com');
      choose($<HTMLSelectElement>(form, '#invite-role'), 'admin');
      $<HTMLButtonElement>(form, 'button[type=submit]').click();
      await until(() => text($(el, '[role=status]')) === 'Invitation sent to noor@example.com.', 'the invitation');
      expect(changes()[0]).to.deep.equal({
        path: '/api/admin/team/invitations',
        body: { name: 'Noor', email: 'noor@example.com', role: 'admin' },
      });
      expect($<HTMLInputElement>(form, '#invite-name').value).to.equal('');

      $<HTMLButtonElement>(el, '.invitations button').click();
      await until(() => text($(el, '[role=status]')) === 'The invitation of Zoe is revoked.', 'the revocation');
      expect(changes()[1]!.path).to.equal('/api/admin/team/invitations/9');
    } finally {
      server.restore();
    }
  });

  it('does not send an invitation without a valid email', async () => {
    const { el, server, changes } = await teamPage();
    try {
      const form = $(el, 'book-invite-form');
      choose($<HTMLInputElement>(form, '#invite-name'), 'Noor');
      choose($<HTMLInputElement>(form, '#invite-email'), 'noor');
      $<HTMLButtonElement>(form, 'button[type=submit]').click();
      await until(() => !!form.shadowRoot!.querySelector('#invite-email-error'), 'the error');
      expect(changes()).to.deep.equal([]);
    } finally {
      server.restore();
    }
  });

  it("edits a member's name, role and services", async () => {
    const { el, server, changes } = await teamPage('admin', 2);
    try {
      memberPanel(el, 'Leo').querySelector('button')!.click();
      await el.updateComplete;
      const form = $<BookMemberForm>(el, 'book-member-form');
      await form.updateComplete;
      choose($<HTMLInputElement>(form, '#name'), 'Leo Park');
      choose($<HTMLSelectElement>(form, '#role'), 'admin');
      $<HTMLInputElement>(form, 'input[type=checkbox][value="2"]').click();
      await expect(form).to.be.accessible();
      $<HTMLButtonElement>(form, 'button[type=submit]').click();
      await until(() => text($(el, '[role=status]')) === 'Saved Leo Park.', 'the save');
      expect(changes()).to.deep.equal([
        { path: '/api/admin/team/3', body: { name: 'Leo Park', bio: '', role: 'admin', serviceIds: [2] } },
      ]);
    } finally {
      server.restore();
    }
  });

  it('removes a member after asking who takes their future appointments', async () => {
    const { el, server, changes } = await teamPage();
    try {
      const dialog = await departure(el, memberPanel(el, 'Leo').querySelector<HTMLButtonElement>('button.danger')!);
      expect(text($(dialog, 'legend'))).to.equal("What happens to Leo's future appointments?");
      const options = $$<HTMLOptionElement>(dialog, '#reassign-to option').map(text);
      expect(options).to.deep.equal(['Whoever is free at each time', 'Anna Berg', 'Mia']);
      await expect(dialog).to.be.accessible();
      choose($<HTMLSelectElement>(dialog, '#reassign-to'), '2');
      $<HTMLButtonElement>(dialog, 'button.danger').click();
      await until(() => text($(el, '[role=status]')) === 'Leo is no longer on the team.', 'the removal');
      expect(changes()).to.deep.equal([{ path: '/api/admin/team/3', body: { future: 'reassign', reassignTo: 2 } }]);
    } finally {
      server.restore();
    }
  });

  it('cancels the future appointments when the owner chooses so', async () => {
    const { el, server, changes } = await teamPage();
    try {
      const dialog = await departure(el, memberPanel(el, 'Mia').querySelector<HTMLButtonElement>('button.danger')!);
      $<HTMLInputElement>(dialog, 'input[value=cancel]').click();
      await dialog.updateComplete;
      expect(dialog.shadowRoot!.querySelector('#reassign-to')).to.equal(null);
      $<HTMLButtonElement>(dialog, 'button.danger').click();
      await until(() => text($(el, '[role=status]')) === 'Mia is no longer on the team.', 'the removal');
      expect(changes()).to.deep.equal([{ path: '/api/admin/team/2', body: { future: 'cancel' } }]);
    } finally {
      server.restore();
    }
  });

  it('shows a staff member only the way to leave, to whoever is free, and reports it', async () => {
    const { el, server, changes } = await teamPage('staff', 3);
    try {
      expect(server.sent).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[part=member]')).to.equal(null);
      let left = false;
      el.addEventListener('book-team-left', () => (left = true));
      const dialog = await departure(el, $<HTMLButtonElement>(el, 'button.danger'));
      expect(text($(dialog, 'legend'))).to.equal('What happens to your future appointments?');
      $<HTMLButtonElement>(dialog, 'button.danger').click();
      await until(() => left, 'the leaving');
      expect(changes()).to.deep.equal([{ path: '/api/admin/team/leave', body: { future: 'reassign' } }]);
    } finally {
      server.restore();
    }
  });

  describe('member photos', () => {
    it("uploads a member's photo from their panel, then shows the team as it now is", async () => {
      const { el, server, changes } = await teamPage('admin', 2);
      try {
        const photo = photoControls(memberPanel(el, 'Leo'));
        await photo.updateComplete;
        expect($$(photo, 'button').map(text)).to.deep.equal(['Add a photo of Leo']);
        await expect(photo).to.be.accessible();
        pickFile(
          $<HTMLInputElement>(photo, 'input[type=file]'),
          new File([new Uint8Array(10)], 'leo.jpg', { type: 'image/jpeg' }),
        );
        await until(() => text($(el, '[role=status]')) === 'Saved the photo of Leo.', 'the upload');
        const [sent] = changes();
        expect(sent!.path).to.equal('/api/admin/team/3/photo');
        expect((sent!.body as FormData).get('file')).to.be.instanceOf(File);
        expect(((sent!.body as FormData).get('file') as File).name).to.equal('leo.jpg');
        // The team is read again after the change (the photo's address comes from the server).
        expect(server.sent.filter((s) => s.path === '/api/admin/team')).to.have.length(2);
      } finally {
        server.restore();
      }
    });

    it('removes a photo, shown in place of the initials', async () => {
      team.members[1]!.photoUrl = PHOTO;
      const { el, server, changes } = await teamPage();
      try {
        const panel = memberPanel(el, 'Mia');
        expect(panel.querySelector('img.avatar')!.getAttribute('src')).to.equal(PHOTO);
        const photo = photoControls(panel);
        await photo.updateComplete;
        expect($$(photo, 'button').map(text)).to.deep.equal(['Change photo of Mia', 'Remove photo of Mia']);
        $<HTMLButtonElement>(photo, 'button.danger').click();
        await until(() => text($(el, '[role=status]')) === 'Removed the photo of Mia.', 'the removal');
        expect(changes()).to.deep.equal([{ path: '/api/admin/team/2/photo', body: undefined }]);
      } finally {
        team.members[1]!.photoUrl = null;
        server.restore();
      }
    });

    it('refuses a file that is not an image before sending it', async () => {
      const { el, server, changes } = await teamPage();
      try {
        const photo = photoControls(memberPanel(el, 'Leo'));
        pickFile(
          $<HTMLInputElement>(photo, 'input[type=file]'),
          new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }),
        );
        await photo.updateComplete;
        expect(text($(photo, '[role=alert]'))).to.equal('“cv.pdf” is not a JPEG, PNG or WebP image.');
        expect(changes()).to.deep.equal([]);
      } finally {
        server.restore();
      }
    });

    it('lets a staff member change their own photo, and shows it', async () => {
      const server = fakeServer((path) =>
        path === '/api/admin/team/3/photo' ? json(200, { photoUrl: PHOTO }) : json(404, {}),
      );
      try {
        const el = await fixture<BookTeam>(html`<book-team .profile=${profile('staff', 3)}></book-team>`);
        expect(text($(el, '.member h2'))).to.equal('Your photo');
        expect(text($(el, '.member .avatar'))).to.equal('X');
        pickFile(
          $<HTMLInputElement>(photoControls($(el, '.member')), 'input[type=file]'),
          new File([new Uint8Array(10)], 'me.png', { type: 'image/png' }),
        );
        await until(() => text($(el, '[role=status]')) === 'Saved the photo of X.', 'the upload');
        expect(server.sent.map((s) => s.path)).to.deep.equal(['/api/admin/team/3/photo']);
        await el.updateComplete;
        expect($(el, '.member img.avatar').getAttribute('src')).to.equal(PHOTO);
        await expect(el).to.be.accessible();
      } finally {
        server.restore();
      }
    });
  });
});
