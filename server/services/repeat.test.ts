import { describe, expect, it } from 'vitest';
import { repeatColumns, repeatOf } from './repeat.js';

describe('repeat setting columns', () => {
  it('stores the intervals sorted, each once, and reads them back', () => {
    const columns = repeatColumns({ maxCount: 10, everyWeeks: [2, 1, 2] });
    expect(columns).toEqual({ repeat_max_count: 10, repeat_every_weeks: '1,2' });
    expect(repeatOf(columns.repeat_max_count, columns.repeat_every_weeks)).toEqual({
      maxCount: 10,
      everyWeeks: [1, 2],
    });
  });

  it('reads null as not allowed', () => {
    expect(repeatColumns(null)).toEqual({ repeat_max_count: null, repeat_every_weeks: null });
    expect(repeatOf(null, null)).toBeNull();
  });
});
