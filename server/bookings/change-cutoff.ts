import { DateTime } from 'luxon';
import { AppError } from '../errors.js';

const HOUR_MS = 3_600_000;

/** A business's cut-off and the appointment it applies to; instants in UTC milliseconds. */
export interface CutoffFacts {
  startAt: number;
  /** 0: no cut-off (a customer may act until the appointment starts, which `appointment-state.ts` guards). */
  cutoffHours: number;
  now: number;
}

/**
 * The last moment a customer may still cancel or move the appointment, or `null` without a cut-off. The cut-off
 * counts elapsed hours, not wall-clock ones: "24 hours before" a Sunday 10:00 after the spring DST change is
 * Saturday 09:00 local time, because that night has 23 hours.
 */
export function changeDeadline(startAt: number, cutoffHours: number): number | null {
  return cutoffHours > 0 ? startAt - cutoffHours * HOUR_MS : null;
}

/** True once the deadline is reached: from that instant on only the business can cancel or move it. */
export function cutoffPassed(facts: CutoffFacts): boolean {
  const deadline = changeDeadline(facts.startAt, facts.cutoffHours);
  return deadline !== null && facts.now >= deadline;
}

/** "24 hours", "2 days": whole days read as days, everything else as hours (as the admin form shows it). */
export function cutoffPhrase(hours: number): string {
  const [amount, unit] = hours >= 24 && hours % 24 === 0 ? [hours / 24, 'day'] : [hours, 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** The policy in a customer's words: the cut-off as a sentence, then the business's own text; '' when there is none. */
export function policyText(policy: { cutoffHours: number; text: string }): string {
  const cutoff =
    policy.cutoffHours > 0
      ? `You can cancel or reschedule online up to ${cutoffPhrase(policy.cutoffHours)} before the appointment; after that, please contact the business.`
      : '';
  return [cutoff, policy.text].filter(Boolean).join('\n');
}

/**
 * Refuses a customer's cancel or reschedule after the business's cut-off, naming the cut-off and the deadline on
 * the business's clock. The business itself is never asked this: it can always act.
 */
export function assertBeforeCutoff(
  facts: CutoffFacts & { action: 'cancel' | 'reschedule'; zone: string; business: string },
): void {
  if (!cutoffPassed(facts)) return;
  const deadline = DateTime.fromMillis(changeDeadline(facts.startAt, facts.cutoffHours)!, { zone: facts.zone });
  const verb = facts.action === 'cancel' ? 'cancelled' : 'rescheduled';
  throw new AppError(
    'cancellation_cutoff_passed',
    `${facts.business} lets customers cancel or reschedule online up to ${cutoffPhrase(facts.cutoffHours)} before ` +
      `the appointment (until ${deadline.toFormat('ccc d LLL, HH:mm')} ${facts.zone}). It can no longer be ${verb} ` +
      `online: please contact ${facts.business}.`,
  );
}
