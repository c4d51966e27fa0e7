import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session.middleware.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { idParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import type { EmailRow } from './email.table.js';
import { bodyFor, mailboxEmail, mailboxEmailSchema, sandboxedHtml, sandboxedHtmlDoc } from './email.view.js';
import { customerTokenFor } from './link-access.js';
import { findEmailTo, listEmailsTo } from './mailbox.repository.js';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** `/api/me/emails`: the emails sent to the signed-in customer or provider, as they received them. */
export function mailboxRoutes(deps: { db: Db; secretKey: string }) {
  const view = async (row: EmailRow) =>
    mailboxEmail(
      row,
      bodyFor(row, await customerTokenFor(deps.db, deps.secretKey, row)),
      `/api/me/emails/${row.id}/html`,
    );

  const load = async (userId: number, id: number) => {
    const row = await findEmailTo(deps.db, userId, id);
    if (!row) throw AppError.notFound('Email');
    return row;
  };

  return new Hono<AppEnv>()
    .use(requireUser)
    .get(
      '/',
      describe({
        summary: 'Emails sent to the signed-in user',
        auth: 'session',
        responses: { 200: z.object({ emails: z.array(mailboxEmailSchema) }) },
      }),
      validate('query', listQuery),
      async (c) => {
        const rows = await listEmailsTo(deps.db, c.get('user')!.id, c.req.valid('query').limit);
        return c.json({ emails: await Promise.all(rows.map(view)) });
      },
    )
    .get(
      '/:id',
      describe({
        summary: 'One email sent to the signed-in user',
        auth: 'session',
        responses: { 200: z.object({ email: mailboxEmailSchema }) },
      }),
      validate('param', idParam),
      async (c) => {
        return c.json({ email: await view(await load(c.get('user')!.id, c.req.valid('param').id)) });
      },
    )
    .get(
      '/:id/html',
      describe({ summary: 'Its HTML, sandboxed', auth: 'session', responses: { 200: sandboxedHtmlDoc } }),
      validate('param', idParam),
      async (c) => {
        const row = await load(c.get('user')!.id, c.req.valid('param').id);
        return sandboxedHtml(c, bodyFor(row, await customerTokenFor(deps.db, deps.secretKey, row)).html);
      },
    );
}
