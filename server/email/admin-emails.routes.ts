import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam, idSchema } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import type { EmailRow } from './email.table.js';
import { adminEmail, adminEmailSchema, bodyFor, sandboxedHtml, sandboxedHtmlDoc } from './email.view.js';
import { findProviderEmail, listProviderEmails, requeueFailedEmail } from './mailbox.repository.js';

const listQuery = z.object({
  status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
  appointment: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * `/api/admin/emails` (behind `requireProvider`): every email about the provider's appointments,
 * to them and to their customers, with delivery status and last error; failed ones can be retried.
 * The customer's manage link is blanked in the provider's view: it is the customer's key.
 * `/delivery` says whether this server sends email at all (SMTP_URL set), for the owner's banner.
 */
export function adminEmailsRoutes(deps: { db: Db; now: () => Date; sendsEmail: boolean }) {
  const view = (row: EmailRow) => adminEmail(row, bodyFor(row, undefined), `/api/admin/emails/${row.id}/html`);
  const load = async (providerId: number, id: number) => {
    const row = await findProviderEmail(deps.db, providerId, id);
    if (!row) throw AppError.notFound('Email');
    return row;
  };

  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'The email log',
        description: "Every email about the business's appointments, with delivery status.",
        responses: { 200: z.object({ emails: z.array(adminEmailSchema) }) },
      }),
      validate('query', listQuery),
      async (c) => {
        const q = c.req.valid('query');
        const rows = await listProviderEmails(deps.db, c.get('provider').id, {
          status: q.status,
          appointmentId: q.appointment,
          limit: q.limit,
        });
        return c.json({ emails: rows.map(view) });
      },
    )
    .get(
      '/delivery',
      describe({
        summary: 'Whether this server sends email (SMTP_URL set)',
        responses: { 200: z.object({ delivery: z.object({ sendsEmail: z.boolean() }) }) },
      }),
      (c) => c.json({ delivery: { sendsEmail: deps.sendsEmail } }),
    )
    .get(
      '/:id',
      describe({ summary: 'One email of the log', responses: { 200: z.object({ email: adminEmailSchema }) } }),
      validate('param', idParam),
      async (c) => {
        return c.json({ email: view(await load(c.get('provider').id, c.req.valid('param').id)) });
      },
    )
    .get(
      '/:id/html',
      describe({ summary: 'Its HTML, sandboxed', responses: { 200: sandboxedHtmlDoc } }),
      validate('param', idParam),
      async (c) => {
        return sandboxedHtml(c, bodyFor(await load(c.get('provider').id, c.req.valid('param').id), undefined).html);
      },
    )
    .post(
      '/:id/retry',
      describe({
        summary: 'Retry a failed email',
        responses: { 200: z.object({ email: adminEmailSchema }), 409: 'Not a failed email' },
      }),
      validate('param', idParam),
      async (c) => {
        const row = await load(c.get('provider').id, c.req.valid('param').id);
        if (row.status !== 'failed')
          throw new AppError('conflict', `Only a failed email can be retried; this one is ${row.status}`);
        const requeued = await requeueFailedEmail(deps.db, row.id, deps.now());
        if (!requeued) throw new AppError('conflict', 'The email changed meanwhile; reload and try again');
        return c.json({ email: view(requeued) });
      },
    );
}
