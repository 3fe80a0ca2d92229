import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// Secrets at rest (a tenant's PEM key) are sealed with AES-256-GCM under a key from the environment.
function key(): Buffer {
  const material = process.env.ENCLAVE_ENCRYPTION_KEY ?? process.env.NEXTAUTH_SECRET;
  if (!material) throw new Error("Set ENCLAVE_ENCRYPTION_KEY (or NEXTAUTH_SECRET) to store secrets.");
  return createHash("sha256").update(`enclave-secrets:${material}`).digest();
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

export function openSecret(sealed: string): string {
  const raw = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
