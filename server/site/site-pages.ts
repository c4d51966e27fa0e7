/**
 * The signed-in areas' pages, by path: the server answers each with its own title (and 404 for anything else),
 * the client router (`site/lib/router.ts`) shows the matching view. Keep the two lists in step.
 */
const adminPages: [RegExp, string][] = [
  [/^\/admin\/?$/, 'Dashboard'],
  [/^\/admin\/onboarding$/, 'Set up your booking page'],
  [/^\/admin\/appointments\/\d+$/, 'Appointment'],
  [/^\/admin\/services$/, 'Services'],
  [/^\/admin\/schedule$/, 'Opening hours'],
  [/^\/admin\/profile$/, 'Profile and booking rules'],
  [/^\/admin\/reviews$/, 'Reviews'],
  [/^\/admin\/calendar$/, 'Calendar connections'],
  [/^\/admin\/emails$/, 'Email log'],
  [/^\/admin\/embed$/, 'Embed on your website'],
];

const accountPages: [RegExp, string][] = [
  [/^\/account\/?$/, 'My appointments'],
  [/^\/account\/emails$/, 'My emails'],
  [/^\/account\/settings$/, 'Account settings'],
];

const titleOf = (pages: [RegExp, string][], path: string) => pages.find(([pattern]) => pattern.test(path))?.[1];

export const adminPageTitle = (path: string): string | undefined => titleOf(adminPages, path);
export const accountPageTitle = (path: string): string | undefined => titleOf(accountPages, path);
