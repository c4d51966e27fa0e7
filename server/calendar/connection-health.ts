import type { Db } from '../db/connect.js';
import { log } from '../logger.js';
import { calendarApiErrors } from '../ops/metrics.js';
import type { CalendarCallError } from './calendar.types.js';
import { updateConnection } from './connections.repository.js';

/**
 * Records on the connection what a failed call says about it, where the admin shows it (`lastError`):
 * - `auth`: the provider's grant is gone; the connection is broken until they connect again.
 * - `config`: this server's own OAuth client was refused. The connection stays active (the provider can do nothing
 *   about it), the operator is told in the log, and the next call after the fix simply works.
 * Other failures are the caller's to record (a sync job keeps its own error; a busy refresh records its own).
 * Every failure counts in the `calendar_api_errors_total` metric, by kind.
 */
export async function recordCallFailure(
  db: Db,
  connectionId: number,
  failure: CalendarCallError,
  now: Date,
): Promise<void> {
  calendarApiErrors.inc({ kind: failure.kind });
  if (failure.kind === 'auth') {
    await updateConnection(db, connectionId, { status: 'broken', last_error: failure.message }, now);
  } else if (failure.kind === 'config') {
    log.error(`calendar connection ${connectionId}: ${failure.message}`);
    await updateConnection(db, connectionId, { last_error: failure.message }, now);
  }
}
