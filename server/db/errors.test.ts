import { describe, expect, it, onTestFinished } from 'vitest';
import { connectDatabase, migrateToLatest } from './connect.js';
import { isUniqueViolation } from './errors.js';

describe('isUniqueViolation', () => {
  it('recognises a real unique violation and names its table', async () => {
    const db = connectDatabase('sqlite::memory:');
    onTestFinished(() => db.destroy());
    await migrateToLatest(db);
    const user = { email: 'a@example.com', password_hash: 'x', name: 'A', role: 'customer' as const };
    await db.insertInto('users').values(user).execute();
    const error = await db
      .insertInto('users')
      .values(user)
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'users')).toBe(true);
    expect(isUniqueViolation(error, 'appointments')).toBe(false);
    const other = await db
      .insertInto('users')
      .values({ ...user, email: 'b@example.com', role: 'admin' as never })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(other)).toBe(false); // a CHECK failure is something else
    expect(isUniqueViolation(new Error('UNIQUE'))).toBe(false);
  });
});
