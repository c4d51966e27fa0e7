import Database from 'better-sqlite3';

/**
 * Times every SQLite statement the process runs from now on (wall time inside better-sqlite3, by SQL text) and
 * returns the report: which statements a path runs, how often, and what each costs SQLite itself.
 */
export function timeStatements(): () => string {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1'));
  probe.close();
  const stats = new Map<string, { n: number; ms: number }>();
  for (const method of ['run', 'all', 'get', 'iterate'] as const) {
    const original = proto[method];
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const key = `${method} ${this.source.slice(0, 140)}`;
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += Number(process.hrtime.bigint() - started) / 1e6;
        stats.set(key, s);
      }
    };
  }
  return () =>
    [...stats.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)
      .map(
        ([sql, s]) =>
          `${s.ms.toFixed(0).padStart(7)} ms ${String(s.n).padStart(6)}× ${(s.ms / s.n).toFixed(3)} ms  ${sql}`,
      )
      .join('\n');
}
