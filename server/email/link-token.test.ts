import { describe, expect, it } from 'vitest';
import { fillLinkToken, LINK_TOKEN, openLinkToken, sealLinkToken } from './link-token.js';

const SECRET = 'a'.repeat(64);

describe('sealed manage tokens', () => {
  it('open under the same secret only', () => {
    const sealed = sealLinkToken(SECRET, 'abc234');
    expect(sealed).not.toContain('abc234');
    expect(sealLinkToken(SECRET, 'abc234')).not.toBe(sealed);
    expect(openLinkToken(SECRET, sealed)).toBe('abc234');
    expect(openLinkToken('b'.repeat(64), sealed)).toBeUndefined();
    // One character in the middle changed to another: every bit there is significant (a base64 string's last
    // character may carry padding bits, so changing it can leave the bytes as they were).
    const middle = Math.floor(sealed.length / 2);
    const tampered = `${sealed.slice(0, middle)}${sealed[middle] === 'A' ? 'B' : 'A'}${sealed.slice(middle + 1)}`;
    expect(openLinkToken(SECRET, tampered)).toBeUndefined();
    expect(openLinkToken(SECRET, 'v0.abc')).toBeUndefined();
  });

  it('fill the placeholder, or blank it for readers without the token', () => {
    const body = `<a href="https://x.test/manage/1?token=${LINK_TOKEN}">`;
    expect(fillLinkToken(body, 'abc234')).toBe('<a href="https://x.test/manage/1?token=abc234">');
    expect(fillLinkToken(body, undefined)).toBe('<a href="https://x.test/manage/1?token=hidden">');
  });
});
