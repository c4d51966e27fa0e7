import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals secrets at rest (manage tokens for later emails, idempotent answers, calendar refresh tokens and PKCE
 * verifiers) with AES-256-GCM: a copy of the database alone yields nothing usable, and a tampered value fails to
 * open instead of decrypting to junk.
 */
export interface Sealer {
  seal(plaintext: string): string;
  /** The plaintext, or undefined when the value was sealed under another secret or purpose, or tampered with. */
  open(sealed: string): string | undefined;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A sealer under a key derived (HKDF-SHA-256) from `secret` for one `purpose`, so a value sealed for one use never
 * opens as another. Values are written as `v1.<iv‖tag‖ciphertext>` (one base64url part). `open` also reads
 * `v1.<iv>.<tag>.<ciphertext>` (three parts), the form calendar tokens were first stored in.
 */
export function sealer(secret: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'book-your-services', purpose, 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
    },
    open(sealed) {
      const parts = parseSealed(sealed);
      if (!parts) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(parts.tag);
        return Buffer.concat([decipher.update(parts.data), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function parseSealed(sealed: string): { iv: Buffer; tag: Buffer; data: Buffer } | undefined {
  const [version, ...parts] = sealed.split('.');
  if (version !== 'v1') return undefined;
  const bytes = parts.map((part) => Buffer.from(part, 'base64url'));
  if (bytes.length === 3) {
    const [iv, tag, data] = bytes as [Buffer, Buffer, Buffer];
    return { iv, tag, data };
  }
  const [raw] = bytes;
  if (bytes.length !== 1 || !raw || raw.length < IV_BYTES + TAG_BYTES) return undefined;
  return {
    iv: raw.subarray(0, IV_BYTES),
    tag: raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    data: raw.subarray(IV_BYTES + TAG_BYTES),
  };
}
