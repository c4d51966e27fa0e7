/** What the fair policy knows of a member free at the time asked for. */
export interface Candidate {
  memberId: number;
  /** The business's display order. */
  position: number;
  /** Confirmed appointments in the ISO week (business time zone) of the time asked for. */
  weekCount: number;
  /** When they were last given an appointment, as anything that grows with time (an id, epoch ms); null for never. */
  lastAssigned: number | null;
}

/**
 * Who takes an "any available" booking among the members free then: the one with the fewest appointments that
 * week (spreads the work), then the one assigned least recently (round-robin among equals; never assigned comes
 * first), then the business's order, then the oldest member. Deterministic: the same data always picks the same one.
 * Undefined for no candidate.
 */
export function pickMember(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || fairer(c, best)) best = c;
  return best;
}

function fairer(a: Candidate, b: Candidate): boolean {
  if (a.weekCount !== b.weekCount) return a.weekCount < b.weekCount;
  const lastA = a.lastAssigned ?? -Infinity;
  const lastB = b.lastAssigned ?? -Infinity;
  if (lastA !== lastB) return lastA < lastB;
  if (a.position !== b.position) return a.position < b.position;
  return a.memberId < b.memberId;
}
