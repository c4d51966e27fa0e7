import { expect } from '@open-wc/testing';
import type { BookServices } from '../book-services/book-services.js';
import '../book-services/book-services.js';
import { createProvider, waitFor } from '../test/fixtures.js';

/** Every element in `root` and the shadow roots under it. */
function* everyElement(root: Document | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* everyElement(el.shadowRoot);
  }
}

const moving = (root: Document | ShadowRoot) =>
  [...everyElement(root)]
    .map((el) => ({ el, style: getComputedStyle(el) }))
    .filter(
      ({ style }) =>
        style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0),
    )
    .map(({ el, style }) => `${el.localName}.${el.className}: ${style.animationName} ${style.transitionDuration}`);

// Assertions must never catch a transition half-way, so the test browser asks for reduced motion
// (tests/support/chromium.mjs) and the widget honours it.
describe('reduced motion', () => {
  it('is what the test browser prefers', () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
  });

  it('leaves no transition or animation in the widget, while loading (spinner) or showing buttons', async () => {
    const provider = await createProvider();
    const el = document.createElement('book-services') as BookServices;
    el.setAttribute('provider', provider.slug);
    el.setAttribute('api', provider.api);
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=loading]')).to.exist;
    expect(moving(document)).to.deep.equal([]);
    await waitFor(
      () => el.shadowRoot!.querySelector('book-service-list')?.shadowRoot?.querySelector('button'),
      'no services shown',
    );
    expect(moving(document)).to.deep.equal([]);
    el.remove();
  });
});
