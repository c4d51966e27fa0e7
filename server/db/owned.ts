import type { Db } from './connect.js';
import type { Database } from './database.js';

/** The tables whose rows are a business's own: known by `id`, owned through `provider_id`. */
type OwnedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; provider_id: number } ? T : never;
}[keyof Database];

/** Deletes one of the business's own rows; false when it has none with this id (another business's included). */
export async function deleteOwned(db: Db, table: OwnedTable, providerId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
