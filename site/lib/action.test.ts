import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ApiError } from '../../widget/api/client.js';
import { $, text } from '../test/helpers.js';
import { ActionController } from './action.js';

/** A host as the site's components use it: the outcome in an alert and a status line, buttons off while busy. */
class ActionHost extends LitElement {
  action = new ActionController(this, { fieldsProblem: 'Please check the highlighted fields.' });

  override render() {
    return html`<p role="alert" tabindex="-1">${this.action.problem}</p>
      <p role="status">${this.action.status}</p>
      <button ?disabled=${this.action.busy}>Save</button>
      <output>${Object.keys(this.action.errors).join(',')}</output>`;
  }
}
customElements.define('test-action-host', ActionHost);

/** A promise the test settles when it wants to. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ActionController', () => {
  it('is busy while an action runs, then shows the status it reported', async () => {
    const el = await fixture<ActionHost>(html`<test-action-host></test-action-host>`);
    const work = deferred<string>();
    const done = el.action.run(() => work.promise);
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, 'button').disabled).to.equal(true);
    work.resolve('Saved.');
    await done;
    await el.updateComplete;
    expect($<HTMLButtonElement>(el, 'button').disabled).to.equal(false);
    expect(text($(el, '[role=status]'))).to.equal('Saved.');
  });

  describe('when the action fails', () => {
    it('shows the server’s message, focused for screen readers, and clears the last status', async () => {
      const el = await fixture<ActionHost>(html`<test-action-host></test-action-host>`);
      await el.action.run(async () => 'Saved.');
      await el.action.run(() => Promise.reject(new ApiError(409, 'slot_taken', 'This time was just taken')));
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('This time was just taken');
      expect(text($(el, '[role=status]'))).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[role=alert]'));
      expect($<HTMLButtonElement>(el, 'button').disabled).to.equal(false);
    });

    it('keeps the field errors and says to check them', async () => {
      const el = await fixture<ActionHost>(html`<test-action-host></test-action-host>`);
      await el.action.run(() =>
        Promise.reject(new ApiError(400, 'validation_failed', 'Invalid input', { name: 'Required' })),
      );
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('Please check the highlighted fields.');
      expect(text($(el, 'output'))).to.equal('name');
      el.action.clear();
      await el.updateComplete;
      expect(text($(el, '[role=alert]'))).to.equal('');
      expect(text($(el, 'output'))).to.equal('');
    });
  });

  it('shows a problem reported from outside an action', async () => {
    const el = await fixture<ActionHost>(html`<test-action-host></test-action-host>`);
    el.action.report('Could not load.');
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('Could not load.');
  });
});
