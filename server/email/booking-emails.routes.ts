import { Hono } from 'hono';
import { z } from 'zod';
import { tokenMatches } from '../auth/tokens.js';
import { bookingParam, tokenQuery } from '../bookings/booking.schemas.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv, SessionUser } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import type { EmailRow } from './email.table.js';
import { bodyFor, mailboxEmail, mailboxEmailSchema, sandboxedHtml, sandboxedHtmlDoc } from './email.view.js';
import { customerTokenFor } from './link-access.js';
import { listCustomerEmailsOf } from './mailbox.repository.js';

/**
 * `/api/bookings/:id/emails`: a guest reads their booking's emails through the manage link (the
 * customer's copies only). The same rule as the booking itself: the manage token or the signed-in
 * customer who booked; anything else is the 404 of a booking that does not exist.
 */
export function bookingEmailsRoutes(deps: { db: Db; secretKey: string }) {
  const access = async (id: number, token: string | undefined, user: SessionUser | null) => {
    const appointment = await findAppointment(deps.db, id);
    const byToken =
      appointment !== undefined && token !== undefined && tokenMatches(token, appointment.manage_token_hash);
    const bySession =
      appointment !== undefined && user?.role === 'customer' && appointment.customer_user_id === user.id;
    if (!byToken && !bySession) throw AppError.notFound('Booking');
    return { fill: async (row: EmailRow) => (byToken ? token : customerTokenFor(deps.db, deps.secretKey, row)) };
  };
  const htmlUrl = (row: EmailRow, token: string | undefined) =>
    `/api/bookings/${row.appointment_id}/emails/${row.id}/html${token ? `?token=${encodeURIComponent(token)}` : ''}`;

  return new Hono<AppEnv>()
    .get(
      '/:id/emails',
      describe({
        summary: "A booking's emails, for its customer",
        description: 'With the manage token, or signed in as the customer who booked.',
        responses: { 200: z.object({ emails: z.array(mailboxEmailSchema) }) },
      }),
      validate('param', bookingParam),
      validate('query', tokenQuery),
      async (c) => {
        const { id } = c.req.valid('param');
        const { token } = c.req.valid('query');
        const { fill } = await access(id, token, c.get('user'));
        const rows = await listCustomerEmailsOf(deps.db, id);
        const emails = await Promise.all(
          rows.map(async (row) => mailboxEmail(row, bodyFor(row, await fill(row)), htmlUrl(row, token))),
        );
        return c.json({ emails });
      },
    )
    .get(
      '/:id/emails/:emailId/html',
      describe({ summary: 'One of them as HTML, sandboxed', responses: { 200: sandboxedHtmlDoc } }),
      validate('param', bookingParam.extend({ emailId: idSchema })),
      validate('query', tokenQuery),
      async (c) => {
        const { id, emailId } = c.req.valid('param');
        const { fill } = await access(id, c.req.valid('query').token, c.get('user'));
        const row = (await listCustomerEmailsOf(deps.db, id)).find((r) => r.id === emailId);
        if (!row) throw AppError.notFound('Email');
        return sandboxedHtml(c, bodyFor(row, await fill(row)).html);
      },
    );
}
