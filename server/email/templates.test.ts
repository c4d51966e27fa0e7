import { describe, expect, it } from 'vitest';
import { LINK_TOKEN } from './link-token.js';
import { appointmentEmail, type EmailFacts } from './templates.js';

const facts = (overrides: Partial<EmailFacts> = {}): EmailFacts => ({
  kind: 'confirmation',
  to: 'customer',
  actor: 'customer',
  timeZone: 'Europe/Berlin',
  appUrl: 'https://book.test',
  appointment: {
    id: 7,
    startAt: '2026-03-29T00:30:00.000Z',
    endAt: '2026-03-29T01:30:00.000Z',
    serviceName: 'Cut & "Style"',
    note: 'I am <b>late</b>',
    customerName: `Eve {{manage_token}} <img src=x onerror=alert(1)>`,
    customerEmail: 'eve@example.com',
    customerPhone: null,
    cancelReason: null,
  },
  provider: { name: "O'Hair\nSalon", address: 'Main St 1', phone: '' },
  manageUrl: `https://book.test/manage/7?token=${LINK_TOKEN}`,
  ...overrides,
});

describe('appointmentEmail', () => {
  it('escapes every typed string in the HTML and keeps subjects on one line', () => {
    const email = appointmentEmail(facts());
    expect(email.html).toContain('Eve {\u200B{manage_token}} &lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('Cut &amp; &quot;Style&quot;');
    expect(email.html).toContain('O&#39;Hair<br>Salon');
    expect(email.html).not.toMatch(/<img|<b>/);
    expect(email.subject).toBe(`Booking confirmed: Cut & "Style" at O'Hair Salon, Sun 29 Mar, 01:30`);
  });

  it('keeps the link-token placeholder in the link alone, never in typed text', () => {
    const email = appointmentEmail(facts());
    expect(email.html.split(LINK_TOKEN)).toHaveLength(2);
    expect(email.text.split(LINK_TOKEN)).toHaveLength(2);
  });

  it('writes times on the recipient’s clock across a DST change', () => {
    // 00:30Z on 29 March 2026 is 01:30 CET; the hour after it ends at 03:30 CEST.
    expect(appointmentEmail(facts()).text).toContain('When: Sunday 29 March 2026, 01:30–03:30 (Europe/Berlin)');
    expect(appointmentEmail(facts({ timeZone: 'America/Los_Angeles' })).text).toContain(
      'When: Saturday 28 March 2026, 17:30–18:30 (America/Los_Angeles)',
    );
  });

  it('gives the provider the customer’s details and no manage link', () => {
    const email = appointmentEmail(facts({ to: 'provider', manageUrl: undefined }));
    expect(email.subject).toMatch(/^New booking: Eve /);
    expect(email.text).toContain('Email: eve@example.com');
    expect(email.text).toContain('Note: I am <b>late</b>');
    expect(email.text).not.toContain('manage/7');
  });

  it('tells the customer who serves them now when the appointment changed hands, by whoever moved it', () => {
    const handover = { from: 'Mia', to: 'Ben' };
    const byBusiness = appointmentEmail(facts({ kind: 'rescheduled', actor: 'provider', handover }));
    expect(byBusiness.subject).toBe(`Booking updated: Cut & "Style" at O'Hair Salon, Sun 29 Mar, 01:30`);
    expect(byBusiness.text).toContain('Ben instead of Mia. The time stays the same.');
    const byCustomer = appointmentEmail(
      facts({
        kind: 'rescheduled',
        handover,
        previous: { startAt: '2026-03-28T09:00:00Z', endAt: '2026-03-28T10:00:00Z' },
      }),
    );
    expect(byCustomer.text).toContain(
      'you moved your appointment, and Ben serves it at the new time (instead of Mia).',
    );
    expect(byCustomer.text).toContain('Previously: Saturday 28 March 2026');
  });
});
