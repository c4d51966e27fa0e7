/** "Add to calendar" for a signed-in customer: the session downloads the .ics; Google gets a template link. */
const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function calendarLinks(b: {
  id: number;
  start: string;
  end: string;
  service: { name: string };
  provider: { name: string; address: string };
}) {
  const q = new URLSearchParams({
    action: 'TEMPLATE',
    text: `${b.service.name} — ${b.provider.name}`,
    dates: `${stamp(b.start)}/${stamp(b.end)}`,
    location: b.provider.address,
  });
  return { ics: `/api/bookings/${b.id}/calendar.ics`, google: `https://calendar.google.com/calendar/render?${q}` };
}

/**
 * One-tap subscriptions to the owner's private ICS feed: `webcal://` opens the subscribe dialog of Apple Calendar
 * (iPhone, Mac) and Outlook; Google Calendar takes the feed as its `cid` parameter.
 */
export function feedSubscribeLinks(feedUrl: string): { webcal: string; google: string } {
  const webcal = feedUrl.replace(/^https?:\/\//, 'webcal://');
  return { webcal, google: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcal)}` };
}
