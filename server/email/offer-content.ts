import type { OfferEmail } from '../waitlist/waitlist.types.js';
import type { EmailContent } from './layout.js';
import { LINK_TOKEN } from './link-token.js';
import { formatShort, formatSpan } from './when.js';

/** The page the offer's link opens; the token fills `LINK_TOKEN` when the email is sent. */
export const offerUrlOf = (appUrl: string, offerId: number) =>
  `${appUrl}/waitlist/offers/${offerId}?token=${LINK_TOKEN}`;

/** The offer email's wording (plain data for the layout; no clock, no database). */
export function offerContent(o: OfferEmail): EmailContent {
  const service = o.memberName ? `${o.serviceName} with ${o.memberName}` : o.serviceName;
  const when = formatSpan(o.startAt, o.endAt, o.timeZone);
  const until = `${formatShort(o.expiresAt, o.timeZone)} (${o.timeZone})`;
  const moving = o.currentStartAt !== null && o.currentEndAt !== null;
  return {
    subject: `${moving ? 'An earlier time is free' : 'A place is free'}: ${service} at ${o.providerName}, ${formatShort(o.startAt, o.timeZone)}`,
    heading: moving ? 'An earlier time is free for you' : 'A place in the class is free for you',
    paragraphs: [
      `Hi ${o.customerName},`,
      moving
        ? `a time you were waiting for came free at ${o.providerName}. It is held for you until ${until}; one click moves your appointment there (your current time is then given to the next in line).`
        : `a place came free in the class you were waiting for at ${o.providerName}. It is held for you until ${until}; one click books it.`,
      'If you do nothing, it goes to the next person in line when the hold ends, and your current plans stay as they are.',
    ],
    details: [
      ['New time', when],
      ...(moving
        ? [['Your current time', formatSpan(o.currentStartAt!, o.currentEndAt!, o.timeZone)] as [string, string]]
        : []),
      ['Service', service],
      ['Held until', until],
    ],
    actions: [
      {
        label: moving ? 'See the offer and move my appointment' : 'See the offer and book the place',
        url: offerUrlOf(o.appUrl, o.offerId),
      },
    ],
    footer: `You receive this email because you joined the waitlist of ${o.providerName} on Book your services.`,
  };
}
