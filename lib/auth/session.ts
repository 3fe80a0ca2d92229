import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { authOptions } from "./options";
import { loadActor, type Actor } from "@/lib/context/actor";

/** The signed-in, active user of this request, read from the database; null when there is none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, session.uid)).limit(1);
  if (!user || user.status !== "active" || user.kind !== "person" || user.sessionVersion !== session.sv) return null;
  return loadActor(db, user);
});
