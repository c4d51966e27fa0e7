/** How a service allows recurring bookings: up to `maxCount` occurrences, every one of `everyWeeks` weeks. */
export interface Repeat {
  maxCount: number;
  everyWeeks: number[];
}

/** The bounds a service's setting must keep (the widget offers no more). */
export const REPEAT_LIMITS = { minCount: 2, maxCount: 52, maxEveryWeeks: 8 } as const;

/** The service column's text ("1,2") as the list of intervals, or null. */
export function repeatOf(maxCount: number | null, everyWeeks: string | null): Repeat | null {
  if (maxCount === null || !everyWeeks) return null;
  return { maxCount, everyWeeks: everyWeeks.split(',').map(Number) };
}

/** A setting as its columns: the intervals sorted and each once. */
export function repeatColumns(repeat: Repeat | null) {
  return {
    repeat_max_count: repeat?.maxCount ?? null,
    repeat_every_weeks: repeat ? [...new Set(repeat.everyWeeks)].sort((a, b) => a - b).join(',') : null,
  };
}
