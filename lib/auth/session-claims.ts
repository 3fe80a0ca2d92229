import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { getToken, type JWTDecodeParams } from "next-auth/jwt";
import { authOptions } from "./options";

/** Who the session cookie names, and which generation of their sessions it belongs to. */
export type SessionClaims = { uid: string; sv: number };

const claims = (uid: unknown, sv: unknown): SessionClaims | null =>
  typeof uid === "string" && typeof sv === "number" ? { uid, sv } : null;

// next-auth's decode derives the cookie's key from the secret (HKDF) on every call: 1.6 % of a
// page's CPU in a profile. The key is the same for one secret, so it is derived once per secret;
// the token is decrypted as next-auth's decode does it (jose, 15 s of clock tolerance).
let derived: { secret: string; key: Uint8Array } | undefined;
function encryptionKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    const key = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: new Uint8Array(key) };
  }
  return derived.key;
}
async function decodeWithKnownKey({ token, secret }: JWTDecodeParams) {
  if (!token) return null;
  return (await jwtDecrypt(token, encryptionKey(String(secret)), { clockTolerance: 15 })).payload;
}

/**
 * The session cookie's claims, or null. next-auth's getServerSession answers the same, but also
 * encrypts a renewed cookie that a server component cannot set: two JWE operations and two key
 * derivations per page, when decrypting the cookie is enough. No headers are handed over, since
 * getToken would also take a token from an Authorization header, which a page must not accept.
 * Without NEXTAUTH_SECRET (`next dev`), next-auth derives a secret of its own, so it reads the session.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  if (!process.env.NEXTAUTH_SECRET) {
    const session = (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown } | null;
    return claims(session?.uid, session?.sv);
  }
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never, decode: decodeWithKnownKey });
  return claims(token?.sub, token?.sv);
}
