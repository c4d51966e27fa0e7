import { describe, expect, it } from 'vitest';
import { tokenCipher } from './token-cipher.js';

describe('tokenCipher', () => {
  const cipher = tokenCipher('x'.repeat(64));

  it('round-trips and never shows the plaintext', () => {
    const sealed = cipher.seal('1//refresh-token-secret');
    expect(sealed).not.toContain('refresh-token-secret');
    expect(cipher.open(sealed)).toBe('1//refresh-token-secret');
    expect(cipher.seal('same')).not.toBe(cipher.seal('same'));
  });

  it('refuses a tampered value or another key', () => {
    const sealed = cipher.seal('secret');
    const parts = sealed.split('.');
    const flipped = [...parts.slice(0, 3), Buffer.from('other!').toString('base64url')].join('.');
    expect(() => cipher.open(flipped)).toThrow();
    expect(() => tokenCipher('y'.repeat(64)).open(sealed)).toThrow();
  });
});
