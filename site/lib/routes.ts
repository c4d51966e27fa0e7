import type { Route } from './router.js';

/**
 * The signed-in areas' views by path. The server answers the same paths with the same titles
 * (`server/site/site-pages.ts`); a test checks the two lists agree.
 */
export type AdminView = 'dashboard' | 'onboarding' | 'appointment' | 'services' | 'schedule' | 'profile' | 'reviews' | 'calendar' | 'emails' | 'embed';
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
];

export const accountRoutes: Route<AccountView>[] = [
  { pattern: /^\/account\/?$/, view: 'appointments', title: 'My appointments' },
  { pattern: /^\/account\/emails$/, view: 'emails', title: 'My emails' },
  { pattern: /^\/account\/settings$/, view: 'settings', title: 'Account settings' },
];
