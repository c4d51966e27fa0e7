/**
 * The signed-in areas' views by path, with their titles: the one table both sides read. The client router
 * (`router.ts`) shows the matching view; the server (`server/site/site.routes.ts`) answers exactly these paths,
 * with the same titles, and 404 for anything else. Plain data and one pure function, no DOM: the server imports it.
 */
export interface Route<View extends string> {
  pattern: RegExp;
  view: View;
  title: string;
}

export type AdminView =
  | 'dashboard'
  | 'onboarding'
  | 'appointment'
  | 'services'
  | 'schedule'
  | 'profile'
  | 'reviews'
  | 'calendar'
  | 'emails'
  | 'embed'
  | 'team'
  | 'api-keys'
  | 'webhooks';
export type AccountView = 'appointments' | 'emails' | 'settings';

export const adminRoutes: Route<AdminView>[] = [
  { pattern: /^\/admin\/?$/, view: 'dashboard', title: 'Dashboard' },
  { pattern: /^\/admin\/onboarding$/, view: 'onboarding', title: 'Set up your booking page' },
  { pattern: /^\/admin\/appointments\/(\d+)$/, view: 'appointment', title: 'Appointment' },
  { pattern: /^\/admin\/services$/, view: 'services', title: 'Services' },
  { pattern: /^\/admin\/schedule$/, view: 'schedule', title: 'Opening hours' },
  { pattern: /^\/admin\/profile$/, view: 'profile', title: 'Profile and booking rules' },
  { pattern: /^\/admin\/reviews$/, view: 'reviews', title: 'Reviews' },
  { pattern: /^\/admin\/calendar$/, view: 'calendar', title: 'Calendar connections' },
  { pattern: /^\/admin\/emails$/, view: 'emails', title: 'Email log' },
  { pattern: /^\/admin\/embed$/, view: 'embed', title: 'Embed on your website' },
  { pattern: /^\/admin\/team$/, view: 'team', title: 'Team' },
  { pattern: /^\/admin\/api-keys$/, view: 'api-keys', title: 'API keys' },
  { pattern: /^\/admin\/webhooks$/, view: 'webhooks', title: 'Webhooks' },
];

/** What a staff member may open: their own appointments, hours and calendar, and the way to leave (`team`). */
export const staffViews: ReadonlySet<AdminView> = new Set(['dashboard', 'appointment', 'schedule', 'calendar', 'team']);

export const accountRoutes: Route<AccountView>[] = [
  { pattern: /^\/account\/?$/, view: 'appointments', title: 'My appointments' },
  { pattern: /^\/account\/emails$/, view: 'emails', title: 'My emails' },
  { pattern: /^\/account\/settings$/, view: 'settings', title: 'Account settings' },
];

export function matchRoute<View extends string>(
  routes: Route<View>[],
  path: string,
): { route: Route<View>; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1) };
  }
  return undefined;
}
