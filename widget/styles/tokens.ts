import { css, unsafeCSS } from 'lit';

/**
 * Design tokens shared by the widget and the hosted site. Every colour pair is AA (≥ 4.5:1 for text,
 * ≥ 3:1 for borders and focus rings) against its theme's background.
 */
export const light = {
  accent: '#1d4ed8',
  'accent-fg': '#ffffff',
  // Derived from the accent, so a page that only sets --book-accent gets matching free-day highlights.
  'accent-soft': 'color-mix(in srgb, var(--book-accent) 14%, var(--book-bg))',
  bg: '#ffffff',
  surface: '#f4f5f7',
  fg: '#1a1c20',
  muted: '#52575f',
  border: '#767b84',
  danger: '#b3261e',
  success: '#1b6b35',
  focus: '#1d4ed8',
} as const;

export const dark: Record<keyof typeof light, string> = {
  accent: '#8ab4ff',
  'accent-fg': '#0b1322',
  'accent-soft': 'color-mix(in srgb, var(--book-accent) 25%, var(--book-bg))',
  bg: '#16181d',
  surface: '#20242b',
  fg: '#eef0f3',
  muted: '#b1b8c2',
  border: '#8a929e',
  danger: '#ffb4ab',
  success: '#8fd9a8',
  focus: '#8ab4ff',
};

/** `--book-accent:#…;…` for a token set; the site puts this on `:root`, the widget on `:host`. */
export const cssVars = (tokens: Record<string, string>): string =>
  Object.entries(tokens)
    .map(([name, value]) => `--book-${name}:${value};`)
    .join('');

/**
 * Token defaults on a host element. Page CSS on the element (`book-services { --book-accent: … }`) wins over
 * `:host` rules, so embedders can override any token. `theme="auto"` follows the OS setting.
 */
export const hostTokens = css`
  :host {
    ${unsafeCSS(cssVars(light))}
    --book-radius: 8px;
    --book-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${unsafeCSS(cssVars(dark))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(cssVars(dark))}
      color-scheme: dark;
    }
  }
`;
