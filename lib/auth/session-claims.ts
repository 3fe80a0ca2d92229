import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { authOptions } from "./options";

/** Who the session cookie names, and which generation of their sessions it belongs to. */
export type SessionClaims = { uid: string; sv: number };

const claims = (uid: unknown, sv: unknown): SessionClaims | null =>
  typeof uid === "string" && typeof sv === "number" ? { uid, sv } : null;

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
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never });
  return claims(token?.sub, token?.sv);
}
