import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ReminderLead } from '../providers/providers.table.js';

export interface ReminderCandidate {
  id: number;
  provider_id: number;
  start_at: string;
  updated_at: string;
  email_reminder: ReminderLead;
}

/**
 * Confirmed appointments starting within their provider's reminder lead whose customer has no
 * reminder for this start yet. The key matches `reminderKey(id, start, 'customer')`.
 */
export async function findReminderCandidates(
  db: Db,
  now: Date,
  leadMs: Record<Exclude<ReminderLead, 'off'>, number>,
  limit: number,
): Promise<ReminderCandidate[]> {
  const until = (lead: keyof typeof leadMs) => new Date(now.getTime() + leadMs[lead]).toISOString();
  const key = sql<string>`'reminder:' || ${sql.ref('appointments.id')} || ':' || ${sql.ref('appointments.start_at')} || ':customer'`;
  return db
    .selectFrom('appointments')
    .innerJoin('providers', 'providers.id', 'appointments.provider_id')
    .select([
      'appointments.id',
      'appointments.provider_id',
      'appointments.start_at',
      'appointments.updated_at',
      'providers.email_reminder',
    ])
    .where('appointments.status', '=', 'confirmed')
    .where('appointments.start_at', '>', now.toISOString())
    .where(
      'appointments.start_at',
      '<=',
      sql<string>`case ${sql.ref('providers.email_reminder')} when '2h' then ${until('2h')} else ${until('24h')} end`,
    )
    .where('providers.email_reminder', '!=', 'off')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('email_outbox').select('email_outbox.id').where('email_outbox.dedupe_key', '=', key))),
    )
    .orderBy('appointments.start_at')
    .limit(limit)
    .execute();
}
