import { expect } from '@open-wc/testing';
import { dark, light } from './tokens.js';

// WCAG 2 relative luminance and contrast ratio: https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const luminance = (c: number[]) => {
  const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const mix = (a: number[], b: number[], share: number) => a.map((v, i) => Math.round(v * share + b[i]! * (1 - share)));

describe('design tokens', () => {
  for (const [name, tokens] of Object.entries({ light, dark })) {
    it(`meet WCAG AA contrast in the ${name} theme`, () => {
      const c = (key: keyof typeof light) => rgb(tokens[key]);
      const share = Number(/(\d+)%/.exec(tokens['accent-soft'])![1]) / 100;
      const soft = mix(c('accent'), c('bg'), share);
      const text: [string, number[], number[]][] = [
        ['fg on bg', c('fg'), c('bg')],
        ['fg on surface', c('fg'), c('surface')],
        ['muted on bg', c('muted'), c('bg')],
        ['muted on surface', c('muted'), c('surface')],
        ['accent on bg', c('accent'), c('bg')],
        ['accent-fg on accent', c('accent-fg'), c('accent')],
        ['fg on accent-soft', c('fg'), soft],
        ['danger on bg', c('danger'), c('bg')],
        ['success on bg', c('success'), c('bg')],
      ];
      for (const [pair, fg, bg] of text) expect(contrast(fg, bg), pair).to.be.at.least(4.5);
      // Non-text: input borders and the focus ring need 3:1 (WCAG 1.4.11).
      expect(contrast(c('border'), c('bg')), 'border on bg').to.be.at.least(3);
      expect(contrast(c('focus'), c('bg')), 'focus on bg').to.be.at.least(3);
      expect(contrast(c('focus'), soft), 'focus on accent-soft').to.be.at.least(3);
    });
  }
});
