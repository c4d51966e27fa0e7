import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { $, $$, choose, text } from '../../test/helpers.js';
import './book-rules-form.js';
import type { BookRulesForm, RulesInput } from './book-rules-form.js';

const value: RulesInput = {
  bookingRules: { minNoticeMinutes: 2880, maxDaysAhead: 90, slotStepMinutes: 15 },
  policy: { cutoffHours: 36, text: 'No-shows pay in full.' },
};

const submit = async (el: BookRulesForm) => {
  const sent = oneEvent(el, 'book-rules-submit');
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  return (await sent).detail as RulesInput;
};

describe('book-rules-form', () => {
  it('shows notice and cut-off in hours or days, the horizon in days and the grid in plain words', async () => {
    const el = await fixture<BookRulesForm>(html`<book-rules-form .value=${value}></book-rules-form>`);
    expect($<HTMLInputElement>(el, '#notice').value).to.equal('2');
    expect($<HTMLSelectElement>(el, '#notice-unit').value).to.equal('days');
    expect($<HTMLInputElement>(el, '#cutoff').value).to.equal('36');
    expect($<HTMLSelectElement>(el, '#cutoff-unit').value).to.equal('hours');
    expect($<HTMLInputElement>(el, '#maxDaysAhead').value).to.equal('90');
    // "1 day", "2 days": the unit reads with the number.
    choose($<HTMLInputElement>(el, '#notice'), '1');
    await el.updateComplete;
    expect(text($<HTMLSelectElement>(el, '#notice-unit').selectedOptions[0])).to.equal('day');
    choose($<HTMLInputElement>(el, '#notice'), '2');
    const step = $<HTMLSelectElement>(el, '#slotStep');
    expect(text(step.selectedOptions[0])).to.equal('Every 15 minutes');
    expect($$<HTMLOptionElement>(el, '#slotStep option').map(text)).to.include('Every hour');
    expect($<HTMLTextAreaElement>(el, '#policyText').value).to.equal('No-shows pay in full.');
    expect(text($(el, 'label[for=notice]'))).to.equal('Minimum notice');
    // Nothing on the owner's screen says "minutes" except the start-time grid.
    expect(text($(el, 'form')).replace(/Every \d+ minutes/g, '')).not.to.contain('minutes');
    await expect(el).to.be.accessible();
  });

  it('submits what the owner typed in the API’s units (minutes, days, whole hours)', async () => {
    const el = await fixture<BookRulesForm>(html`<book-rules-form .value=${value}></book-rules-form>`);
    choose($<HTMLInputElement>(el, '#notice'), '1.5');
    choose($<HTMLSelectElement>(el, '#notice-unit'), 'hours');
    choose($<HTMLInputElement>(el, '#cutoff'), '2');
    choose($<HTMLSelectElement>(el, '#cutoff-unit'), 'days');
    choose($<HTMLInputElement>(el, '#maxDaysAhead'), '30');
    choose($<HTMLSelectElement>(el, '#slotStep'), '60');
    choose($<HTMLTextAreaElement>(el, '#policyText'), '  Please call if you are late.  ');
    expect(await submit(el)).to.deep.equal({
      bookingRules: { minNoticeMinutes: 90, maxDaysAhead: 30, slotStepMinutes: 60 },
      policy: { cutoffHours: 48, text: 'Please call if you are late.' },
    });
  });

  it('says what is wrong next to the field and does not submit', async () => {
    const el = await fixture<BookRulesForm>(html`<book-rules-form .value=${value}></book-rules-form>`);
    let submitted = false;
    el.addEventListener('book-rules-submit', () => (submitted = true));
    choose($<HTMLInputElement>(el, '#cutoff'), '1.5');
    choose($<HTMLInputElement>(el, '#maxDaysAhead'), '0');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    expect(text($(el, '[id="policy.cutoffHours-error"]'))).to.equal('Whole hours, from 0 up to 30 days.');
    expect(text($(el, '[id="bookingRules.maxDaysAhead-error"]'))).to.equal('A whole number of days, from 1 to 365.');
    expect($(el, '#cutoff').getAttribute('aria-invalid')).to.equal('true');
  });

  it('shows the server’s field errors', async () => {
    const el = await fixture<BookRulesForm>(
      html`<book-rules-form .value=${value} .errors=${{ 'policy.text': 'Too long' }}></book-rules-form>`,
    );
    expect(text($(el, '[id="policy.text-error"]'))).to.equal('Too long');
  });
});
