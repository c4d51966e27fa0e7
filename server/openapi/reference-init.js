// Runs before Scalar's bundle on /docs/api, so that the bundle works under the site's CSP unchanged but for a style
// nonce: no 'unsafe-inline', no 'unsafe-eval'.

// Scalar and the Vue components in it add their CSS as <style> elements: each is given the page's nonce as it is made.
const nonce = document.querySelector('meta[property="csp-nonce"]')?.getAttribute('content');
const createElement = Document.prototype.createElement;
Document.prototype.createElement = function (tagName, options) {
  const element = createElement.call(this, tagName, options);
  if (nonce && String(tagName).toLowerCase() === 'style') element.nonce = nonce;
  return element;
};

// Style attributes (set as attributes, or inside HTML strings such as highlighted code) are inline styles to CSP;
// the same declarations set through the CSSOM are not. Both routes are sent through `element.style`.
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (String(name).toLowerCase() === 'style' && this.style) this.style.cssText = String(value);
  else setAttribute.call(this, name, value);
};
const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
Object.defineProperty(Element.prototype, 'innerHTML', {
  ...innerHTML,
  set(value) {
    // Generated markup escapes quotes in text, so ` style="…"` here is always an attribute. (Scalar passes
    // TrustedHTML-like objects as well as strings.)
    const html = value === null || value === undefined ? value : String(value);
    const styled = typeof html === 'string' && html.includes(' style="');
    innerHTML.set.call(this, styled ? html.replace(/ style="([^"]*)"/g, ' data-csp-style="$1"') : value);
    if (!styled) return;
    for (const element of this.querySelectorAll('[data-csp-style]')) {
      element.style.cssText = element.getAttribute('data-csp-style');
      element.removeAttribute('data-csp-style');
    }
  },
});

// zod (inside the bundle) tries `Function('')` once to see whether it may compile validators; under CSP that try
// is itself reported as a violation. Its documented switch skips it.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
