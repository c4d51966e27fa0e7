import { describe, expect, it } from 'vitest';
import { sealer } from './seal.js';

const SECRET = 's'.repeat(64);

describe('sealer', () => {
  const calendar = sealer(SECRET, 'calendar-tokens');

  it('round-trips, never shows the plaintext and never seals twice alike', () => {
    const sealed = calendar.seal('1//refresh-token-secret');
    expect(sealed).not.toContain('refresh-token-secret');
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(calendar.open(sealed)).toBe('1//refresh-token-secret');
    expect(calendar.seal('same')).not.toBe(calendar.seal('same'));
    expect(calendar.open(calendar.seal(''))).toBe('');
  });

  it('refuses a tampered value, another secret, another purpose or another format', () => {
    const sealed = calendar.seal('secret');
    expect(calendar.open(`${sealed.slice(0, -2)}xx`)).toBeUndefined();
    expect(calendar.open(sealed.slice(0, 20))).toBeUndefined();
    expect(sealer('t'.repeat(64), 'calendar-tokens').open(sealed)).toBeUndefined();
    expect(sealer(SECRET, 'email-link-token').open(sealed)).toBeUndefined();
    expect(calendar.open(sealed.replace('v1.', 'v0.'))).toBeUndefined();
    expect(calendar.open('v1.a.b')).toBeUndefined();
    expect(calendar.open('')).toBeUndefined();
  });

  // Values written by the code before the sealer was shared: databases in use hold them.
  describe('opens values stored by earlier versions', () => {
    it('calendar tokens, stored as v1.<iv>.<tag>.<ciphertext>', () => {
      const stored = 'v1.nHSLUt6eAqs3kHLG.cQOSs6g81MZXPjP0Shdm7w.z6zA0seO-AhZBaBA2nuE_Q';
      expect(calendar.open(stored)).toBe('1//refresh-token');
      const [version, iv, tag] = stored.split('.');
      const flipped = [version, iv, tag, Buffer.from('other!').toString('base64url')].join('.');
      expect(calendar.open(flipped)).toBeUndefined();
    });

    it('email link tokens and idempotent answers, stored as v1.<iv‖tag‖ciphertext>', () => {
      expect(sealer(SECRET, 'email-link-token').open('v1.D0kbAql1N_D7EqDt1WcH8XNBfuVnGp8sh-hly8byuqDbpA')).toBe(
        'abc234',
      );
      expect(sealer('key-1', 'idempotent-response').open('v1.iMz1G5VeI1acPeMf1nKGxfrdBvDfYy5pPII4XQufdoreY8o')).toBe(
        '{"a":1}',
      );
    });
  });
});
