import { noChange } from 'lit';
import { Directive, directive, type ElementPart, type PartInfo, PartType } from 'lit/directive.js';

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`) on every render, the first included.
 * Lit's `styleMap` writes a `style="…"` attribute on first render, which a CSP without `'unsafe-inline'` in
 * `style-src` blocks; the CSSOM is not inline markup, so this works under the site's strict policy.
 *
 * Usage, as an element binding: `<div ${styleProps({ top: '3rem', '--book-accent': '#b00' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows how the directive is written
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element: <div ${styleProps({...})}>');
  }

  render(_props: Record<string, string | undefined>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string | undefined>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (props[name] === undefined) style.removeProperty(name);
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.previous.add(name);
    }
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
