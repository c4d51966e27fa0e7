// One date for every browser test, whenever the suite runs: the page's clock and the API server's are moved by the
// same amount to a fixed instant and tick on from there, so "today", "this month" and "next month" are the same on
// both sides and on every run, and no test meets a day or month boundary half-way (the real clock did that on the last
// evening of each month, and in the 9 hours Tokyo is a day ahead of UTC).

/** 2026-06-10 12:00 in Tokyo (03:00 UTC, 08:30 in Kolkata, still the 9th at 17:00 in Honolulu): mid-month everywhere. */
export const TEST_NOW = '2026-06-10T03:00:00.000Z';

/**
 * A clock that reads {@link TEST_NOW} (or `at`) now and ticks on in real time: `now` for the server (the app's `deps.now`), and
 * `script` for the page, to run before any other (wtr's `testRunnerHtml`, Playwright's `addInitScript`), which makes
 * the page's `Date.now()` and `new Date()` read the same time.
 */
export function shiftedClock(at = TEST_NOW) {
  const offsetMs = Date.parse(at) - Date.now();
  const script = `(() => {
  const RealDate = Date;
  const offsetMs = ${offsetMs};
  globalThis.Date = class Date extends RealDate {
    constructor(...args) { super(...(args.length === 0 ? [RealDate.now() + offsetMs] : args)); }
    static now() { return RealDate.now() + offsetMs; }
  };
})();`;
  return { now: () => new Date(Date.now() + offsetMs), script };
}
