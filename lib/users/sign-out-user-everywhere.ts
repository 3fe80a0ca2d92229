import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { userIdField } from "./fields";

export const signOutUserEverywhereInput = z.object({ userId: userIdField });

/** Every session token the user holds carries the old version, so each is refused at its next request. */
export async function signOutUserEverywhere(
  ctx: ServiceContext,
  input: z.infer<typeof signOutUserEverywhereInput>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new NotFoundError("That user does not exist.");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "user.sign_out_everywhere",
      target: user.email,
      details: { userId: user.id },
      ip: ctx.ip,
    });
  });
}
