import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ssoAccounts, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { applyGroupMappings } from "@/lib/group-mappings/apply-group-mappings";
import { normalizeEmail } from "./throttle";

/** Who the IdP says signed in; (issuer, subject) is the identity, the rest is profile. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

/** Codes for /login?error=…; sign-in-errors.ts turns them into messages. */
export type SsoRefusal = "sso_email_missing" | "sso_email_unverified" | "sso_email_taken" | "sso_disabled";
export type SsoSignInResult = { ok: true; user: User; created: boolean } | { ok: false; code: SsoRefusal };

/**
 * Finds the user by (issuer, subject) — never by email — or creates one with no access, then
 * re-applies the SSO group mappings. All in one transaction with its audit events.
 */
export async function signInWithSso(db: Db, identity: SsoIdentity): Promise<SsoSignInResult> {
  if (!identity.email) return { ok: false, code: "sso_email_missing" };
  if (!identity.emailVerified) return { ok: false, code: "sso_email_unverified" };
  const email = normalizeEmail(identity.email);
  return db.transaction(async (tx): Promise<SsoSignInResult> => {
    let user = await findSsoUser(tx, identity);
    const created = !user;
    // A service account acts only through its tokens, even if an identity was ever linked to it.
    if (user && (user.status !== "active" || user.kind !== "person")) return { ok: false, code: "sso_disabled" };
    if (user) {
      user = await refreshProfile(tx, user, email, identity.name);
    } else {
      if (await findUserByEmail(tx, email)) return { ok: false, code: "sso_email_taken" };
      user = await createSsoUser(tx, identity, email);
    }
    user = await applyGroupMappings(tx, user, identity.groups);
    const [signedIn] = await tx
      .update(users)
      .set({ lastSignInAt: sql`now()` })
      .where(eq(users.id, user.id))
      .returning();
    return { ok: true, user: signedIn!, created };
  });
}

export async function findSsoUser(db: Db, identity: Pick<SsoIdentity, "issuer" | "subject">): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(ssoAccounts)
    .innerJoin(users, eq(users.id, ssoAccounts.userId))
    .where(and(eq(ssoAccounts.issuer, identity.issuer), eq(ssoAccounts.subject, identity.subject)))
    .limit(1);
  return row?.user ?? null;
}

async function findUserByEmail(tx: Db, email: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, exceptId ? ne(users.id, exceptId) : undefined))
    .limit(1);
  return row ?? null;
}

async function createSsoUser(tx: Db, identity: SsoIdentity, email: string): Promise<User> {
  const [user] = await tx
    .insert(users)
    .values({ email, name: identity.name || email, role: "user", passwordHash: null })
    .returning();
  await tx.insert(ssoAccounts).values({ userId: user!.id, issuer: identity.issuer, subject: identity.subject });
  await recordAudit(tx, {
    actorId: user!.id,
    action: "sso.user_created",
    target: email,
    details: { issuer: identity.issuer, subject: identity.subject },
  });
  return user!;
}

// The IdP owns name and email; an email already used by another account is not taken over.
async function refreshProfile(tx: Db, user: User, email: string, name: string | null): Promise<User> {
  const nextEmail = email !== user.email && !(await findUserByEmail(tx, email, user.id)) ? email : user.email;
  const nextName = name || user.name;
  if (nextEmail === user.email && nextName === user.name) return user;
  const [updated] = await tx
    .update(users)
    .set({ email: nextEmail, name: nextName })
    .where(eq(users.id, user.id))
    .returning();
  if (nextEmail !== user.email) {
    await recordAudit(tx, {
      actorId: user.id,
      action: "sso.email_changed",
      target: nextEmail,
      details: { from: user.email, to: nextEmail },
    });
  }
  return updated!;
}

/** Reads the id_token's claims; null without an issuer and subject. The groups claim may be a list or one string. */
export function ssoIdentityFromClaims(claims: Record<string, unknown>, groupsClaim: string): SsoIdentity | null {
  const { iss, sub, email, email_verified: verified, name } = claims;
  if (typeof iss !== "string" || !iss || typeof sub !== "string" || !sub) return null;
  const rawGroups = claims[groupsClaim];
  const groups = (Array.isArray(rawGroups) ? rawGroups : [rawGroups]).filter(
    (g): g is string => typeof g === "string" && g.length > 0,
  );
  return {
    issuer: iss,
    subject: sub,
    email:
      z
        .email()
        .max(254)
        .safeParse(typeof email === "string" ? email.trim() : email).data ?? null,
    // Some IdPs send the flag as a string.
    emailVerified: verified === true || verified === "true",
    name: typeof name === "string" && name.trim() ? name.trim().slice(0, 200) : null,
    groups: [...new Set(groups)],
  };
}
