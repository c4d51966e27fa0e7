import type { CalendarCallError } from '../calendar.types.js';
import type { GoogleCalendarApi } from './google.client.js';
import { classifyGoogleError } from './google.errors.js';

export interface SharedCalendarState {
  calendarId: string | null;
  shareWith: string | null;
  role: 'writer' | 'reader' | null;
}

export interface SharedCalendarWish {
  name: string;
  timeZone: string;
  shareWith: string;
  role: 'writer' | 'reader';
}

/**
 * Brings the provider's calendar in the app account to what they asked for, one step at a time
 * so a failure part-way can simply be repeated: create the calendar (once; `onCalendar` saves
 * its id straight away), then share it with the provider's address (`acl.insert`), change the
 * role of an existing share (`acl.patch`), or move the share to a new address (insert the new
 * rule, delete the old).
 */
export async function ensureSharedCalendar(
  api: GoogleCalendarApi,
  state: SharedCalendarState,
  wish: SharedCalendarWish,
  onCalendar: (calendarId: string) => Promise<void>,
): Promise<string> {
  const call = <T>(request: () => Promise<T>) =>
    request().catch((error: unknown) => Promise.reject(classifyGoogleError(error, Date.now())));
  let calendarId = state.calendarId;
  if (!calendarId) {
    const { data } = await call(() =>
      api.calendars.insert({
        requestBody: {
          summary: wish.name,
          timeZone: wish.timeZone,
          description: 'Appointments booked with Book your services',
        },
      }),
    );
    calendarId = data.id!;
    await onCalendar(calendarId);
  }
  const ruleOf = (address: string) => `user:${address}`;
  if (state.shareWith === wish.shareWith && state.role && state.role !== wish.role) {
    await call(() => api.acl.patch({ calendarId, ruleId: ruleOf(wish.shareWith), requestBody: { role: wish.role } }));
  } else if (state.shareWith !== wish.shareWith || !state.role) {
    await call(() =>
      api.acl.insert({
        calendarId,
        sendNotifications: true,
        requestBody: { role: wish.role, scope: { type: 'user', value: wish.shareWith } },
      }),
    );
    if (state.shareWith && state.shareWith !== wish.shareWith) {
      const old = state.shareWith;
      await call(() => api.acl.delete({ calendarId, ruleId: ruleOf(old) })).catch((error: CalendarCallError) => {
        if (error.status !== 404 && error.status !== 410) throw error;
      });
    }
  } else {
    // Nothing to change: still check that the app account can reach the calendar (after a broken connection).
    await call(() => api.calendars.get({ calendarId }));
  }
  return calendarId;
}
