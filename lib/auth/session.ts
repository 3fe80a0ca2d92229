import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { loadUserWithActor, type Actor } from "@/lib/context/actor";
import { readSessionClaims } from "./session-claims";

/** The signed-in, active user of this request, read from the database; null when there is none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await readSessionClaims();
  if (!session) return null;
  const found = await loadUserWithActor(await getDb(), session.uid);
  const user = found?.user;
  if (!user || user.status !== "active" || user.kind !== "person" || user.sessionVersion !== session.sv) return null;
  return found.actor;
});
