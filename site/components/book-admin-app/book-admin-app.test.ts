import { expect, fixture, html } from '@open-wc/testing';
import type { MemberRole, Profile } from '../../api/types.js';
import { $$, fakeServer, json, text } from '../../test/helpers.js';
import './book-admin-app.js';
import type { BookAdminApp } from './book-admin-app.js';

describe('book-admin-app', () => {
  let server: ReturnType<typeof fakeServer>;
  let data: HTMLScriptElement;
  const url = location.pathname + location.search;
  afterEach(() => {
    server.restore();
    data.remove();
    history.replaceState(null, '', url);
  });

  /** The admin at `path` for a member of `role`, from the page data the server renders. */
  const admin = (role: MemberRole, path: string) => {
    const provider = {
      slug: 'studio-anna',
      name: 'Studio Anna',
      timeZone: 'Europe/Berlin',
      me: { memberId: 3, role, name: 'Leo' },
    };
    data = Object.assign(document.createElement('script'), {
      type: 'application/json',
      id: 'page-data',
      textContent: JSON.stringify({
        user: { email: 'leo@example.com' },
        provider: provider as Partial<Profile>,
        appUrl: '',
      }),
    });
    document.body.append(data);
    history.replaceState(null, '', path);
    server = fakeServer(() => json(200, { services: [], members: [], invitations: [] }));
    return fixture<BookAdminApp>(html`<book-admin-app></book-admin-app>`);
  };
  const nav = (el: BookAdminApp) => $$(el, 'nav a').map(text);

  it('shows the owner and admins every section, the team included', async () => {
    const el = await admin('admin', '/admin/team');
    expect(nav(el)).to.deep.equal([
      'Dashboard',
      'Services',
      'Opening hours',
      'Team',
      'Profile & rules',
      'Reviews',
      'Email log',
      'Calendar',
      'Embed',
      'API keys',
      'Webhooks',
      'Your public page ↗',
    ]);
    expect(el.shadowRoot!.querySelector('book-team')).not.to.equal(null);
  });

  it('shows staff only their own work and the way to leave; other sections say whose they are', async () => {
    const el = await admin('staff', '/admin/services');
    expect(nav(el)).to.deep.equal(['Dashboard', 'Your hours', 'Calendar', 'Leave the business', 'Your public page ↗']);
    expect(el.shadowRoot!.querySelector('book-services-editor')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.view p'))).to.contain(
      'This page is for the owner and admins of Studio Anna.',
    );
    expect(server.sent).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
