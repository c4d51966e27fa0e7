const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/**
 * Google event ids may only use base32hex characters (a–v, 0–9; RFC 4648 §7), 5 to 1024 of them
 * (https://developers.google.com/calendar/api/v3/reference/events/insert). Encoding the
 * appointment's iCalendar UID gives an id that is the same on every retry, so a repeated insert
 * answers 409 instead of making a second event, and that decodes back to tell our events apart.
 */
export function eventIdFor(uid: string): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of Buffer.from(uid, 'utf8')) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** The UID an event id of ours encodes, or null for ids we did not make. */
export function uidOfEventId(eventId: string): string | null {
  if (!/^[0-9a-v]+$/.test(eventId)) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of eventId) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  const text = Buffer.from(bytes).toString('utf8');
  return eventIdFor(text) === eventId ? text : null;
}
