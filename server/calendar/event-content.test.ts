import { describe, expect, it } from 'vitest';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { calendarEventOf, feedEntryOf } from './event-content.js';

const appointment = {
  id: 7,
  provider_id: 1,
  member_id: 1,
  seat: 0,
  service_id: 2,
  customer_user_id: null,
  customer_name: 'Ada Lovelace',
  customer_email: 'ada@example.com',
  customer_phone: '+44 20 7946 0000',
  customer_time_zone: 'Europe/London',
  note: 'Bring the X-rays',
  start_at: '2026-12-02T09:00:00.000Z',
  end_at: '2026-12-02T10:00:00.000Z',
  blocked_start_at: '2026-12-02T09:00:00.000Z',
  blocked_end_at: '2026-12-02T10:00:00.000Z',
  status: 'confirmed',
  sequence: 2,
  manage_token_hash: 'x',
  cancelled_by: null,
  cancel_reason: null,
  contact_erased_at: null,
  created_at: '2026-12-01T08:00:00.000Z',
  updated_at: '2026-12-01T09:00:00.000Z',
  series_id: null,
  series_index: null,
  service_name: 'Check-up',
  service_duration_minutes: 60,
  provider_slug: 'smile',
  provider_name: 'Smile Dental',
  provider_address: 'Hauptstraße 5, Berlin',
  provider_time_zone: 'Europe/Berlin',
  provider_phone: '+49 30 123456',
  provider_email: null,
  provider_change_cutoff_hours: 0,
  provider_policy_text: '',
} satisfies AppointmentDetail;

describe('calendarEventOf', () => {
  it('shows service, customer, note, the provider’s link and the address, in the provider’s zone', () => {
    const event = calendarEventOf(appointment, { includeCustomerContact: false }, 'https://book.example');
    expect(event).toMatchObject({
      appointmentId: 7,
      uid: 'appointment-7@book.example',
      summary: 'Check-up — Ada Lovelace',
      location: 'Hauptstraße 5, Berlin',
      start: '2026-12-02T09:00:00.000Z',
      end: '2026-12-02T10:00:00.000Z',
      timeZone: 'Europe/Berlin',
      url: 'https://book.example/admin/appointments/7',
    });
    expect(event.description).toBe(
      'Customer: Ada Lovelace\n\nNote: Bring the X-rays\n\nManage: https://book.example/admin/appointments/7',
    );
  });

  it('adds email and phone only when the provider opted in', () => {
    const event = calendarEventOf(appointment, { includeCustomerContact: true }, 'https://book.example');
    expect(event.description).toContain('Email: ada@example.com\nPhone: +44 20 7946 0000');
    const noPhone = calendarEventOf(
      { ...appointment, customer_phone: null, note: '' },
      { includeCustomerContact: true },
      'https://book.example',
    );
    expect(noPhone.description).toBe(
      'Customer: Ada Lovelace\nEmail: ada@example.com\n\nManage: https://book.example/admin/appointments/7',
    );
  });

  it('gives the feed the same text with the sequence and status', () => {
    const entry = feedEntryOf(
      { ...appointment, status: 'cancelled' },
      { includeCustomerContact: false },
      'https://book.example',
    );
    expect(entry).toMatchObject({
      id: 7,
      sequence: 2,
      status: 'cancelled',
      summary: 'Check-up — Ada Lovelace',
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
  });
});
