import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicOnlyLookup, RefusedAddressError } from './address-guard.js';

describe('isPublicAddress', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('lets %s through', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('publicOnlyLookup', () => {
  it('fails for a name that resolves to loopback', async () => {
    const error = await new Promise((resolve) => publicOnlyLookup('localhost', {}, (err) => resolve(err)));
    expect(error).toBeInstanceOf(RefusedAddressError);
  });
});
