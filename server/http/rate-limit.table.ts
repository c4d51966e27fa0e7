/** A rate limit's window for one bucket (migration 0116), shared by every instance on a PostgreSQL database. */
export interface RateLimitWindowsTable {
  /** A hash of the limit's window length and the bucket: no address or email is stored. */
  bucket: string;
  /** ISO-8601 UTC instant the window ends at. */
  reset_at: string;
  count: number;
}
