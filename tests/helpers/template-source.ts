import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, budgets, notificationChannels, ssoGroupMappings, tenants } from "@/db/schema";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import type { provisioningSetup } from "./provisioning";

/** A provisioned tenant running the demo fleet, with an alert rule, a budget, two channels and a group mapping. */
export async function provisionSourceTenant(db: Db, p: Awaited<ReturnType<typeof provisioningSetup>>) {
  const { tenantId, operationId } = await p.create();
  await p.run(operationId);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  await addDemoFleet(db, p.infrastructure.id, tenant!.name);
  await db.insert(alertRules).values({
    tenantId,
    name: "High CPU",
    metric: "cpu",
    condition: "above",
    threshold: 80,
    windowMinutes: 5,
    severity: "warning",
  });
  await db.insert(budgets).values({ tenantId, monthlyAmount: 500, thresholds: [50, 100] });
  await db.insert(notificationChannels).values([
    { tenantId, name: "ops mail", kind: "email", target: "ops@example.com" },
    { tenantId, name: "chat", kind: "slack", target: "https://hooks.slack.com/services/T0/B0/secret-token" },
  ]);
  await db.insert(ssoGroupMappings).values({ group: `readers-${tenantId}`, tenantId, level: "read" });
  return tenant!;
}
