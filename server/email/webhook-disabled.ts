import type { NotifyEndpointDisabled } from '../webhooks/webhooks.types.js';
import { newMessageId } from './compose.js';
import { renderEmail } from './layout.js';
import { insertEmails } from './outbox.repository.js';

/**
 * Emails the business's owner that a webhook endpoint was disabled after failing for a day (docs/webhooks.md),
 * through the email outbox in the transaction that disables it.
 */
export const webhookDisabledNotifier =
  (deps: { appUrl: string; now: () => Date }): NotifyEndpointDisabled =>
  async (trx, endpoint) => {
    const owner = await trx
      .selectFrom('team_members')
      .leftJoin('users', 'users.id', 'team_members.user_id')
      .select(['team_members.user_id', 'team_members.name', 'team_members.email', 'users.email as account_email'])
      .where('team_members.provider_id', '=', endpoint.providerId)
      .where('team_members.role', '=', 'owner')
      .executeTakeFirst();
    const address = owner?.email ?? owner?.account_email;
    if (!owner || !address) return;
    const content = renderEmail({
      subject: 'A webhook endpoint was disabled',
      heading: 'Webhook endpoint disabled',
      paragraphs: [
        `Hi ${owner.name}, deliveries to your webhook endpoint ${endpoint.url} have failed since ${endpoint.failingSince}, so it was disabled and its waiting deliveries were stopped.`,
        'Once the receiver works again, enable the endpoint on the Webhooks page; failed deliveries can be sent again from its delivery log.',
      ],
      details: [],
      actions: [{ label: 'Open Webhooks', url: `${deps.appUrl}/admin/webhooks` }],
      footer: 'Book your services',
    });
    await insertEmails(trx, [
      {
        appointment_id: null,
        to_user_id: owner.user_id,
        to_address: address,
        to_role: 'provider',
        kind: 'webhook_disabled',
        ...content,
        ics: null,
        message_id: newMessageId(deps.appUrl),
        status: 'pending',
        next_attempt_at: deps.now().toISOString(),
        dedupe_key: null,
      },
    ]);
  };
