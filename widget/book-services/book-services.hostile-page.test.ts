import { expect, waitUntil } from '@open-wc/testing';
import { createProvider, type TestProvider } from '../test/fixtures.js';
import { fillDetails, heading, inner, mount, openTimes, waitForHeading } from '../test/flow.js';
import type { BookServices } from './book-services.js';

// A page whose rules match the <book-services> element itself: outer rules beat `:host` ones on the host, and the
// host's inherited properties flow into the shadow tree. The widget's text must look the same as on a plain page.
const HOSTILE =
  '* { font: italic 700 22px serif; letter-spacing: 2px; word-spacing: 6px; text-transform: uppercase; line-height: 3; }';
const TYPOGRAPHY = [
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'lineHeight',
] as const;

/** Every element that shows text or takes input, through every shadow root, with its computed typography. */
function typography(root: ShadowRoot): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: ShadowRoot | Element, path: string): void => {
    for (const [i, child] of [...node.children].entries()) {
      const here = `${path}/${child.localName}${child.className ? `.${String(child.className).replace(/\s+/g, '.')}` : ''}[${i}]`;
      const ownText = [...child.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (ownText || child.matches('input, select, textarea, button')) {
        const style = getComputedStyle(child);
        found.set(here, TYPOGRAPHY.map((p) => `${p}=${style[p]}`).join('; '));
      }
      if (child.shadowRoot) visit(child.shadowRoot, `${here}#shadow`);
      visit(child, here);
    }
  };
  visit(root, '');
  return found;
}

describe('book-services on a page whose rules match the element itself', () => {
  let provider: TestProvider;
  let style: HTMLStyleElement;

  before(async () => {
    provider = await createProvider();
  });
  beforeEach(() => {
    style = document.createElement('style');
    style.media = 'not all'; // written now, switched on by `hostile(true)`
    style.textContent = HOSTILE;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  const hostile = (on: boolean) => (style.media = on ? 'all' : 'not all');

  /** The typography of everything on screen, first on a plain page, then with the hostile rules switched on. */
  async function expectUntouched(el: BookServices, step: string, kinds: string[]) {
    hostile(false);
    const plain = typography(el.shadowRoot!);
    hostile(true);
    const onHostilePage = typography(el.shadowRoot!);
    hostile(false);
    for (const kind of kinds)
      expect(
        [...plain.keys()].some((k) => k.includes(kind)),
        `${step}: ${kind} shown`,
      ).to.equal(true);
    for (const [where, plainStyle] of plain) expect(onHostilePage.get(where), `${step}: ${where}`).to.equal(plainStyle);
    expect(plain.size, step).to.equal(onHostilePage.size);
  }

  it('keeps the font of every kind of text, at every step', async () => {
    const el = await mount(provider);
    await expectUntouched(el, 'services', ['p.provider', 'h2', 'book-service-list']);

    inner(el, 'book-service-list')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitForHeading(el, 'Choose a time');
    await openTimes(el);
    await expectUntouched(el, 'time', ['p.summary', 'button.link', 'book-calendar', 'book-times']);

    inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitForHeading(el, 'Your details');
    await expectUntouched(el, 'details', ['book-details', 'input']);

    await fillDetails(el);
    await waitUntil(() => heading(el) !== 'Your details', 'booking did not finish');
    await expectUntouched(el, 'done', ['book-confirmation']);
  });
});
