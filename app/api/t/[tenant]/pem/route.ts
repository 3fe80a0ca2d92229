// GET /api/t/[tenant]/pem — the tenant's private key, for users who may write; every download is audited
import { and, eq } from "drizzle-orm";
import { tenantSecrets } from "@/db/schema";
import { routeHandler } from "@/lib/api/route-handler";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { openSecret } from "@/lib/security/encryption";

export const GET = routeHandler("/api/t/[tenant]/pem", async (_request, { db, actor, tenant, ip }) => {
  // Read, decrypt and audit together: a key that is handed out is always on the record.
  const pem = await db.transaction(async (tx) => {
    const [secret] = await tx
      .select({ ciphertext: tenantSecrets.ciphertext })
      .from(tenantSecrets)
      .where(and(eq(tenantSecrets.tenantId, tenant.id), eq(tenantSecrets.kind, "pem")));
    if (!secret) return null;
    const plain = openSecret(secret.ciphertext);
    await recordAudit(tx, {
      ...auditActor(actor),
      action: "tenant.pem_download",
      tenantId: tenant.id,
      target: tenant.name,
      ip,
    });
    return plain;
  });
  if (pem === null) {
    return Response.json(
      { error: "This tenant has no key yet; it is created while the tenant is provisioned." },
      { status: 409, headers: { "cache-control": "no-store" } },
    );
  }
  return new Response(pem, {
    headers: {
      "content-type": "application/x-pem-file",
      "content-disposition": `attachment; filename="enclave-${tenant.name}.pem"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
