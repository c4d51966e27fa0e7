import type { AccountTokenPurpose, Role } from '../auth/auth.table.js';
import { newMessageId } from './compose.js';
import type { NewEmail } from './email.table.js';
import { renderEmail } from './layout.js';
import type { ProofEmailKind } from './proof-emails.js';

export interface AccountLinkEmail {
  purpose: AccountTokenPurpose;
  user: { id: number; email: string; name: string; role: Role };
  /** The link, with `LINK_TOKEN` where the token goes (filled in only when the email is sent). */
  url: string;
  appUrl: string;
  now: Date;
}

const kindOf: Record<AccountTokenPurpose, ProofEmailKind> = {
  verify_email: 'verify_email',
  signup: 'signup_confirm',
  password_reset: 'password_reset',
};

// A repeated sign-up's email names nobody: whoever typed it may not be the address's owner.
const wording = ({ purpose, user }: AccountLinkEmail) =>
  ({
    verify_email: {
      subject: 'Confirm your email address',
      heading: 'Confirm your email',
      paragraphs: [
        `Hi ${user.name}, please confirm that ${user.email} is your address.`,
        user.role === 'customer'
          ? 'Once it is confirmed, bookings you made as a guest with this address appear in your account.'
          : 'Confirming it makes sure booking notifications reach you.',
        'The link works once, for 24 hours. If you did not create an account, ignore this email.',
      ],
      action: 'Confirm my email',
    },
    signup: {
      subject: 'Confirm your new sign-up',
      heading: 'Confirm your sign-up',
      paragraphs: [
        `Someone just signed up with ${user.email}. An account with this address already exists, but the address was never confirmed.`,
        'If it was you, open the link: the account takes the password you just chose, every other session of it ends, and you are signed in.',
        'The link works once, for one hour. If it was not you, ignore this email: nothing changes.',
      ],
      action: 'Confirm and sign in',
    },
    password_reset: {
      subject: 'Choose a new password',
      heading: 'Choose a new password',
      paragraphs: [
        `Hi ${user.name}, someone asked to set a new password for the account of ${user.email}.`,
        'If it was you, open the link and choose one: every session of the account ends, so sign in again afterwards.',
        'The link works once, for one hour. If it was not you, ignore this email: your password stays as it is.',
      ],
      action: 'Choose a new password',
    },
  })[purpose];

/** An account link email as an outbox row: the email worker delivers it like any other. */
export function accountLinkEmail(input: AccountLinkEmail): NewEmail & { kind: ProofEmailKind } {
  const w = wording(input);
  const content = renderEmail({
    ...w,
    details: [],
    actions: [{ label: w.action, url: input.url }],
    footer: 'Book your services',
  });
  return {
    appointment_id: null,
    to_user_id: input.user.id,
    to_address: input.user.email,
    to_role: input.user.role,
    kind: kindOf[input.purpose],
    ...content,
    ics: null,
    message_id: newMessageId(input.appUrl),
    status: 'pending',
    next_attempt_at: input.now.toISOString(),
    dedupe_key: null,
  };
}
