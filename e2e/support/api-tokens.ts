import { request } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { openDatabase } from "../../db/client";
import { apiTokens as tokenRows, users } from "../../db/schema";
import { createApiToken } from "../../lib/tokens/create-token";
import { builtActions } from "./build-manifest";
import { personas, storageStateOf, type Persona } from "./personas";

export type MadeToken = { id: string; secret: string };

/** Access tokens for e2e specs, made and ended as a person would, or straight in the database. */
export interface ApiTokens {
  make(owner: Persona, scope: "read" | "write", name: string): Promise<MadeToken>;
  revoke(owner: Persona, token: MadeToken): Promise<void>;
  /** Null on PGlite: the portal holds its database alone, and no door lets a token expire early. */
  expire: ((token: MadeToken) => Promise<void>) | null;
  close(): Promise<void>;
}

/** On PostgreSQL the spec reaches the database itself; on PGlite it goes through /account's actions. */
export function apiTokens(baseURL: string): Promise<ApiTokens> {
  const url = process.env.DATABASE_URL;
  return url ? tokensInDatabase(url) : Promise.resolve(tokensThroughActions(baseURL));
}

export const tokensCanExpire = () => Boolean(process.env.DATABASE_URL);

async function tokensInDatabase(url: string): Promise<ApiTokens> {
  const { db, close } = await openDatabase({ url });
  return {
    async make(owner, scope, name) {
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, personas[owner].email));
      const made = await createApiToken(db, user!.id, { name, scope, days: 1 }, { createdBy: user!.id, ip: null });
      return { id: made.token.id, secret: made.secret };
    },
    async revoke(_owner, token) {
      await db
        .update(tokenRows)
        .set({ revokedAt: sql`now()` })
        .where(eq(tokenRows.id, token.id));
    },
    async expire(token) {
      await db
        .update(tokenRows)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(eq(tokenRows.id, token.id));
    },
    close,
  };
}

function tokensThroughActions(baseURL: string): ApiTokens {
  return {
    async make(owner, scope, name) {
      const answer = await callAction(baseURL, owner, "createOwnToken", { name, scope, days: 1 });
      const secret = /enc_[A-Za-z0-9_-]{43}/.exec(answer)?.[0];
      const id = /"token":\{"id":"([0-9a-f-]{36})"/.exec(answer)?.[1];
      if (!secret || !id) throw new Error(`createOwnToken answered no token: ${answer.slice(0, 200)}`);
      return { id, secret };
    },
    async revoke(owner, token) {
      await callAction(baseURL, owner, "revokeOwnToken", { tokenId: token.id });
    },
    expire: null,
    close: async () => {},
  };
}

async function callAction(baseURL: string, persona: Persona, name: string, input: unknown): Promise<string> {
  const action = builtActions().find((a) => a.name === name);
  if (!action) throw new Error(`The build has no ${name} action: run on PostgreSQL (DATABASE_URL) to make tokens.`);
  const session = await request.newContext({ baseURL, storageState: storageStateOf(persona) });
  const response = await session.post(action.page, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseURL,
    },
    data: JSON.stringify([input]),
  });
  const body = await response.text();
  await session.dispose();
  if (!body.includes('"ok":true')) throw new Error(`${name} as ${persona} failed: ${body.slice(0, 200)}`);
  return body;
}
