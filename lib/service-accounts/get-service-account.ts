import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { listTokensOf } from "@/lib/tokens/list-tokens";
import { getUserDetail } from "@/lib/users/get-user-detail";

/** A service account with its grants and tokens; null for a person's id, an unknown or a malformed one. */
export async function getServiceAccount(db: Db, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.kind, "service")));
  if (!account) return null;
  const [detail, tokens] = await Promise.all([getUserDetail(db, id), listTokensOf(db, id)]);
  return detail && { ...detail, tokens };
}

export type ServiceAccountDetail = NonNullable<Awaited<ReturnType<typeof getServiceAccount>>>;
