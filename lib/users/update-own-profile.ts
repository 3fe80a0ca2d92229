import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { nameField } from "./fields";

// Only the name: zod drops any other key (role, email, status) a crafted request might carry.
export const updateOwnProfileInput = z.object({ name: nameField });

export async function updateOwnProfile(
  ctx: ServiceContext,
  input: z.infer<typeof updateOwnProfileInput>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.id)).for("update");
    if (!user) throw new NotFoundError("Your account no longer exists.");
    if (user.name === input.name) return;
    await tx.update(users).set({ name: input.name }).where(eq(users.id, ctx.actor.id));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "account.profile",
      target: ctx.actor.email,
      details: { name: { from: user.name, to: input.name } },
      ip: ctx.ip,
    });
  });
}
