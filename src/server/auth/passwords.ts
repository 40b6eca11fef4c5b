// Local accounts (demo and break-glass): argon2id. Councils sign in through OpenID Connect instead.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password); // @node-rs/argon2 defaults to argon2id
}

// Verified against when the username is unknown, so a wrong username costs the same time as a wrong password.
const decoy = hash('decoy-password-that-matches-nothing');

export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
