import type { KyselyPlugin } from 'kysely';

/**
 * Counts the statements a Kysely instance runs (`db.withPlugin(countingPlugin(counter))`), as their results arrive:
 * one per statement run (a sub-select is built, and transformed, with its statement).
 */
export function countingPlugin(counter: { n: number }): KyselyPlugin {
  return {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      counter.n++;
      return args.result;
    },
  };
}
