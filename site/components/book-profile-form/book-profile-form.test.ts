import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $, choose } from '../../test/helpers.js';
import './book-profile-form.js';
import { type BookProfileForm, defaultProfile } from './book-profile-form.js';

const profile = (notifications: Profile['notifications']): Profile => ({
  ...defaultProfile(),
  name: 'Studio Anna',
  slug: 'studio-anna',
  ...(notifications && { notifications }),
});

describe('book-profile-form', () => {
  it("lets the owner ask for copies of the emails about team members' appointments, keeping the reminder", async () => {
    const el = await fixture<BookProfileForm>(
      html`<book-profile-form .profile=${profile({ reminder: '24h', ownerCopies: false })}></book-profile-form>`,
    );
    $<HTMLInputElement>(el, '#owner-copies').click();
    choose($<HTMLSelectElement>(el, '#reminder'), '2h');
    await expect(el).to.be.accessible();
    setTimeout(() => $<HTMLButtonElement>(el, 'button[type=submit]').click());
    const { detail } = await oneEvent(el, 'book-profile-submit');
    expect((detail as Profile).notifications).to.deep.equal({ reminder: '2h', ownerCopies: true });
  });

  it('offers no copies where the server has no teams', async () => {
    const el = await fixture<BookProfileForm>(
      html`<book-profile-form .profile=${profile({ reminder: '24h' })}></book-profile-form>`,
    );
    expect(el.shadowRoot!.querySelector('#owner-copies')).to.equal(null);
  });
});
