import { createHash, randomBytes } from "node:crypto";

/** Every secret starts so, so secret scanners (and people) recognise a leaked Enclave token. */
export const tokenPrefix = "enc_";
const secretPattern = /^enc_[A-Za-z0-9_-]{43}$/;

/** 32 random bytes (256 bits) after the prefix: too many to guess, so a fast hash is enough to store. */
export function newTokenSecret(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function looksLikeTokenSecret(value: string): boolean {
  return secretPattern.test(value);
}

/** What lists show of a token: enough to tell two apart, far too little to use. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, tokenPrefix.length + 6);
}
