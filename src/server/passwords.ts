import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default algorithm) with the given cost; the PHC string records it. */
export function hashPassword(password: string, cost: { memoryCost: number; timeCost: number }): Promise<string> {
  return hash(password, { memoryCost: cost.memoryCost, timeCost: cost.timeCost, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so a wrong email takes as long as a wrong password. */
let dummy: Promise<string> | null = null;
export function dummyHash(cost: { memoryCost: number; timeCost: number }): Promise<string> {
  dummy ??= hashPassword('not a password of anyone', cost);
  return dummy;
}
