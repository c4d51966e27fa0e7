// How every test and benchmark starts Chromium: Debian's binary (never a downloaded one), no network of its own,
// and reduced motion forced so no transition is ever caught half-way by an assertion.

/** The browser binary: Debian's `/usr/bin/chromium` unless `CHROME_PATH` names another. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps calling Google's hosts, which this machine's closed network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The widget and the site turn transitions off under `prefers-reduced-motion: reduce`.
  '--force-prefers-reduced-motion',
];

/** Playwright emulates `prefers-reduced-motion: no-preference` unless told otherwise: every context spreads this. */
export const reducedMotion = /** @type {const} */ ({ reducedMotion: 'reduce' });
