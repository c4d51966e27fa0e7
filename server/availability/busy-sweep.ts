import type { AvailabilityInput, Interval } from './availability.types.js';
import { MINUTE } from './zone-clock.js';

/** Slot starts s with `after < s < before` conflict with something: an OPEN interval of forbidden starts. */
export interface StartBlock {
  after: number;
  before: number;
}

/**
 * Turns every appointment and busy time into the open range of slot starts it forbids, so that checking a slot
 * is one comparison instead of one per appointment. For a slot raw [s, s + d), padded [s − bb, s + d + ba):
 * - padded overlaps an appointment [a, b)      ⇔ a − d − ba < s < b + bb
 * - raw overlaps its blocked [bs, be)          ⇔ bs − d < s < be
 * - padded overlaps an external busy [x, y)    ⇔ x − d − ba < s < y + bb
 * Overlap is strict on both sides because intervals are half-open: touching is allowed.
 * Empty intervals (end ≤ start) block nothing. Only blocks that can touch starts in [from, to) are kept.
 */
export function startBlocks(input: AvailabilityInput, from: number, to: number): StartBlock[] {
  const duration = input.service.durationMinutes * MINUTE;
  const bufferBefore = input.service.bufferBeforeMinutes * MINUTE;
  const bufferAfter = input.service.bufferAfterMinutes * MINUTE;
  const blocks: StartBlock[] = [];
  const add = (source: Interval, blockAfter: number, blockBefore: number): void => {
    if (source.end > source.start && blockBefore > from && blockAfter < to) {
      blocks.push({ after: blockAfter, before: blockBefore });
    }
  };
  for (const booked of input.appointments) {
    add(booked, booked.start - duration - bufferAfter, booked.end + bufferBefore);
    add({ start: booked.blockedStart, end: booked.blockedEnd }, booked.blockedStart - duration, booked.blockedEnd);
  }
  for (const busy of input.externalBusy) add(busy, busy.start - duration - bufferAfter, busy.end + bufferBefore);
  return merge(blocks);
}

/** Sorted, disjoint blocks. Blocks that only touch stay apart: the shared point is itself an allowed start. */
function merge(blocks: StartBlock[]): StartBlock[] {
  blocks.sort((a, b) => a.after - b.after);
  const merged: StartBlock[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && block.after < last.before) last.before = Math.max(last.before, block.before);
    else merged.push(block); // blocks are ours to mutate
  }
  return merged;
}

/**
 * A moving pointer over sorted blocks: `freeFrom(s)` is s when s is an allowed start, else the end of the block
 * holding it (the first allowed instant after it). Calls must come with non-decreasing s, so a whole day of slots
 * costs one pass over the blocks.
 */
export function sweep(blocks: StartBlock[]): (start: number) => number {
  let i = 0;
  return (start) => {
    while (i < blocks.length && blocks[i]!.before <= start) i++;
    const block = blocks[i];
    return block && block.after < start ? block.before : start;
  };
}
