import { expect, fixture, html } from '@open-wc/testing';
import type { JoinInvitation, User } from '../../api/types.js';
import { $, choose, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-join.js';
import type { BookJoin } from './book-join.js';

const invitation: JoinInvitation = {
  business: { name: 'Studio Anna', slug: 'studio-anna' },
  name: 'Mia',
  email: 'mia@example.com',
  role: 'staff',
  expiresAt: '2026-12-07T10:00:00.000Z',
  hasAccount: false,
};
const mia: User = { id: 5, email: 'mia@example.com', name: 'Mia', role: 'provider', emailVerified: true };

describe('book-join', () => {
  let server: ReturnType<typeof fakeServer>;
  afterEach(() => server.restore());

  const page = async (reply: (path: string) => Response, user: User | null = null) => {
    server = fakeServer(reply);
    const el = await fixture<BookJoin>(html`<book-join token="tok en" .user=${user}></book-join>`);
    await until(() => !el.shadowRoot!.querySelector('.loading'), 'the invitation');
    // The test stays on this page: the join is taken, the move to the admin is not.
    el.addEventListener('book-joined', (e) => e.preventDefault());
    return el;
  };
  const answer = (path: string) =>
    path.startsWith('/api/team/invitation')
      ? json(200, { invitation })
      : json(201, { member: { memberId: 4, role: 'staff', name: 'Mia' } });

  it('says who invites whom as what, and joins with a new account: name and password', async () => {
    const el = await page(answer);
    expect(server.sent[0]!.path).to.equal('/api/team/invitation?token=tok%20en');
    expect(text($(el, 'p'))).to.equal('Studio Anna invites Mia (mia@example.com) to its team as staff.');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Mia');
    await expect(el).to.be.accessible();
    choose($<HTMLInputElement>(el, '#name'), 'Mia Kovač');
    choose($<HTMLInputElement>(el, '#password'), 'correct horse battery');
    let joined: unknown;
    el.addEventListener('book-joined', (e) => (joined = (e as CustomEvent).detail));
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => joined !== undefined, 'the join');
    expect(joined).to.deep.equal({ memberId: 4, role: 'staff', name: 'Mia' });
    expect(server.sent.at(-1)).to.deep.equal({
      path: '/api/team/join',
      body: { token: 'tok en', name: 'Mia Kovač', password: 'correct horse battery' },
    });
  });

  it('asks the owner of an existing account to sign in first, and comes back after', async () => {
    const el = await page(() => json(200, { invitation: { ...invitation, hasAccount: true } }));
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect($<HTMLAnchorElement>(el, 'a.button').getAttribute('href')).to.equal(
      `/login?next=${encodeURIComponent('/join?token=tok en')}`,
    );
  });

  it('joins with the signed-in account of the invited address, without a password', async () => {
    const el = await page(
      (path) =>
        path.startsWith('/api/team/invitation')
          ? json(200, { invitation: { ...invitation, hasAccount: true } })
          : answer(path),
      mia,
    );
    expect(el.shadowRoot!.querySelector('#password')).to.equal(null);
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => server.sent.length === 2, 'the join');
    expect(server.sent[1]).to.deep.equal({ path: '/api/team/join', body: { token: 'tok en' } });
  });

  it('refuses a short password before sending', async () => {
    const el = await page(answer);
    choose($<HTMLInputElement>(el, '#password'), 'short');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await until(() => !!el.shadowRoot!.querySelector('#password-error'), 'the error');
    expect(server.sent).to.have.length(1);
  });

  it('says a used or expired invitation is gone', async () => {
    const el = await page(() => json(404, { error: { code: 'not_found', message: 'Invitation not found' } }));
    expect(text($(el, '[role=alert]'))).to.equal(
      'This invitation was used, revoked or has expired. Ask the business for a new one.',
    );
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
