import { expect } from '@open-wc/testing';
import { createProvider, text } from '../test/fixtures.js';
import { fillDetails, inner, mount, openTimes, waitForHeading } from '../test/flow.js';

const RULE = 'You can cancel or reschedule online up to 1 day before the appointment.';
const TEXT = 'Late cancellations are charged half the price.';

const policyOf = (host: ShadowRoot | null) => {
  const policy = host?.querySelector('book-policy')?.shadowRoot?.querySelector('[part=policy]');
  return [...(policy?.querySelectorAll('p') ?? [])].map(text);
};

describe('book-services with a cancellation policy', () => {
  it('shows the policy above the confirm button and again on the confirmation', async () => {
    const provider = await createProvider({ policy: 'strict' });
    const el = await mount(provider);
    await openTimes(el);
    inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitForHeading(el, 'Your details');

    const details = el.shadowRoot!.querySelector('book-details')!;
    expect(policyOf(el.shadowRoot)).to.deep.equal([RULE, TEXT]);
    // Slotted into the form, right before the button the customer presses.
    const slot = details.shadowRoot!.querySelector('slot')!;
    // (The button sits in the bar that keeps it in reach on a phone.)
    expect(slot.nextElementSibling?.firstElementChild?.getAttribute('part')).to.equal('confirm');
    expect(slot.assignedElements()[0]?.tagName).to.equal('BOOK-POLICY');
    await expect(el).to.be.accessible();

    await fillDetails(el);
    await waitForHeading(el, 'You’re booked!');
    const done = el.shadowRoot!.querySelector('book-confirmation')!;
    expect(done.querySelector('book-policy')).to.exist;
    expect(policyOf(el.shadowRoot)).to.deep.equal([RULE, TEXT]);
    await expect(el).to.be.accessible();
  });

  it('shows no policy box for a business without one', async () => {
    const el = await mount(await createProvider());
    await openTimes(el);
    inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitForHeading(el, 'Your details');
    expect(policyOf(el.shadowRoot)).to.deep.equal([]);
  });
});
