import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";

/** The user's row, locked until the transaction ends, so two admins' changes apply one after the other. */
export async function lockUser(tx: Db, userId: string): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new NotFoundError("That user does not exist.");
  return user;
}

/**
 * Refuses a change that would leave no active administrator. The active admins' rows are locked,
 * so two admins demoting each other at once cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Db, user: User, message: string): Promise<void> {
  if (user.role !== "admin" || user.status !== "active") return;
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    // A service account cannot sign in, so an admin one does not keep the portal administrable.
    .where(and(eq(users.role, "admin"), eq(users.status, "active"), eq(users.kind, "person")))
    .for("update");
  if (!admins.some((a) => a.id !== user.id)) throw new ConflictError(message);
}
