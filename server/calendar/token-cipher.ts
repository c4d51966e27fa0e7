import { type Sealer, sealer } from '../crypto/seal.js';

/** Seals calendar secrets at rest (refresh tokens, PKCE verifiers) under a key derived from SECRET_KEY. */
export const tokenCipher = (secretKey: string): Sealer => sealer(secretKey, 'calendar-tokens');
