import { ApiError } from '../../widget/api/client.js';

/** A sentence for a failed call: the server's message where it is meant for people, else a generic one. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (e.code === 'offline') return 'You seem to be offline. Check your connection and try again.';
  if (e.code === 'rate_limited') return 'Too many attempts. Please wait a moment and try again.';
  if (e.status >= 500) return 'Something went wrong on our side. Please try again.';
  return e.message;
}

/** The server's field errors (`{ 'price.amountMinor': '…' }`), if the call failed validation. */
export const fieldErrors = (e: unknown): Record<string, string> => (e instanceof ApiError ? e.fields : {});
