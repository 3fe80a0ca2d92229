import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { tenantSecrets } from "@/db/schema";
import { databaseSecretKind } from "./database-secret";
import { storeTenantSecret } from "./store-tenant-secret";
import type { RunContext } from "./run-context";

// 32 characters of [A-Za-z0-9_-]: within every engine's limits, and none of the / @ " RDS refuses.
const newPassword = () => randomBytes(24).toString("base64url");

/**
 * The database's master password, made and sealed before its first create so that a resumed run
 * hands the cloud the same one. It goes only to the driver: never into a step result or a log.
 */
export async function databasePassword(ctx: RunContext, tenantId: string, name: string): Promise<string> {
  if (!ctx.unseal) throw new Error("This engine was started without a way to open sealed secrets.");
  const kind = databaseSecretKind(name);
  const read = async () =>
    (
      await ctx.db
        .select({ ciphertext: tenantSecrets.ciphertext })
        .from(tenantSecrets)
        .where(and(eq(tenantSecrets.tenantId, tenantId), eq(tenantSecrets.kind, kind)))
    )[0]?.ciphertext;
  let sealed = await read();
  if (!sealed) {
    await storeTenantSecret(ctx, kind, ctx.seal(newPassword()), "keep");
    sealed = await read();
  }
  return ctx.unseal(sealed!);
}
