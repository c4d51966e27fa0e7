import { hash, verify } from '@node-rs/argon2';

// OWASP's Argon2id recommendation (m=19 MiB, t=2, p=1); @node-rs/argon2 defaults to Argon2id.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
