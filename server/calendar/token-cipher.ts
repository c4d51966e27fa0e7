import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals secrets at rest (refresh tokens, PKCE verifiers) with AES-256-GCM under a key derived
 * from SECRET_KEY. The output is `v1.<iv>.<tag>.<ciphertext>` (base64url): a leaked database
 * alone gives no usable token, and a tampered value fails to open instead of decrypting to junk.
 */
export interface TokenCipher {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function tokenCipher(secretKey: string, purpose = 'calendar-tokens'): TokenCipher {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'book-your-services', purpose, 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed token');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
