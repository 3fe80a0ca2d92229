import "server-only";
import { cache } from "react";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { preparedOnce } from "@/db/prepared";
import { users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/context/actor";
import { readSessionClaims } from "./session-claims";

const userById = preparedOnce((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1)
    .prepare("session_user_by_id"),
);

/** The signed-in, active user of this request, read from the database; null when there is none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await readSessionClaims();
  if (!session) return null;
  const db = await getDb();
  const [user] = await userById(db).execute({ id: session.uid });
  if (!user || user.status !== "active" || user.kind !== "person" || user.sessionVersion !== session.sv) return null;
  return loadActor(db, user);
});
