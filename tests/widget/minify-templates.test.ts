import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../../widget/minify-templates.mjs';

describe('minifyTemplates (the widget build)', () => {
  it('collapses the line breaks and indentation of html and css templates, keeping expressions and text', () => {
    const code = [
      'const t = html`<p>',
      '    ✓ ${a ? html`<b>',
      '      yes</b>` : no}',
      '    <span>a  b</span>',
      '  </p>`;',
      'const s = css`',
      '  :host {',
      '    font: 1em a, b;',
      '  }',
      '  .x ::slotted(p) { color: red }',
      '`;',
    ].join('\n');
    expect(minifyTemplates(code)).toBe(
      [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source text, the transform's input
        'const t = html`<p> ✓ ${a ? html`<b> yes</b>` : no} <span>a  b</span> </p>`;',
        'const s = css` :host{font:1em a,b;}.x ::slotted(p){color:red}`;',
      ].join('\n'),
    );
  });

  it('leaves other template literals and strings alone', () => {
    const code = 'const a = `one\n   two`;\nconst b = tag`x\n  y`;\nconst c = "→\\n  ✓";';
    expect(minifyTemplates(code)).toBe(code);
  });
});
