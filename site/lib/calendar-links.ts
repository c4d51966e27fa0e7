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
