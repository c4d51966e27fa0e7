import type { Db } from '../db/connect.js';
import type { Role, UserRow } from './auth.table.js';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: { email: string; passwordHash: string; name: string; role: Role },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email, password_hash: user.passwordHash, name: user.name, role: user.role })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/**
 * A repeated sign-up, confirmed from the inbox, takes the account over: its password and name, and its role unless
 * the account already runs a business (whose customers' bookings must not vanish with it).
 */
export async function applyRepeatedSignup(
  db: Db,
  userId: number,
  claim: { passwordHash: string; name: string; role: Role },
): Promise<void> {
  const business = await db.selectFrom('providers').select('id').where('user_id', '=', userId).executeTakeFirst();
  await db
    .updateTable('users')
    .set({ password_hash: claim.passwordHash, name: claim.name, ...(!business && { role: claim.role }) })
    .where('id', '=', userId)
    .execute();
}
