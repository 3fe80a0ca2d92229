import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tenantSecrets } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { tenantRef } from "@/lib/context/tenant-ref";
import { NotFoundError } from "@/lib/errors";
import { openSecret } from "@/lib/security/encryption";
import { databaseSecretKind } from "@/lib/provisioning/database-secret";

export const revealDatabasePasswordInput = z.object({
  tenant: tenantRef,
  name: z.string({ error: "Name the database." }).trim().min(1, "Name the database.").max(80),
});

/**
 * A database's master password, for a user who may write to its tenant: read, opened and audited
 * in one transaction, so a password that is handed out is always on the record. The audit names
 * the database, never the password.
 */
export async function revealDatabasePassword(
  ctx: TenantServiceContext<"id" | "name">,
  input: z.infer<typeof revealDatabasePasswordInput>,
  open: (sealed: string) => string = openSecret,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [secret] = await tx
      .select({ ciphertext: tenantSecrets.ciphertext })
      .from(tenantSecrets)
      .where(and(eq(tenantSecrets.tenantId, ctx.tenant.id), eq(tenantSecrets.kind, databaseSecretKind(input.name))));
    if (!secret) throw new NotFoundError(`No database named ${input.name} in ${ctx.tenant.name} has a password here.`);
    const password = open(secret.ciphertext);
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "database.password_revealed",
      tenantId: ctx.tenant.id,
      target: `database ${input.name}`,
      ip: ctx.ip,
    });
    return password;
  });
}
