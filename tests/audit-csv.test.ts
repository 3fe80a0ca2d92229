import { describe, expect, it } from "vitest";
import { auditCsvStream } from "@/lib/audit/audit-csv";
import { recordAudit } from "@/lib/audit/record";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, uniqueName } from "./helpers/factory";

describe.each(testDatabases())("audit log CSV on $kind", (target) => {
  const database = useDatabase(target);

  it("streams every matching event in words and as recorded, formulas defused", async () => {
    const { db } = database();
    const [actor, tenant] = await Promise.all([createUser(db), createTenant(db)]);
    const action = uniqueName("test.csv");
    await recordAudit(db, { actorId: actor.id, action, tenantId: tenant.id, target: "=cmd()", details: { a: 1 } });
    await recordAudit(db, { actorId: null, action, target: "plain" });
    const csv = await new Response(auditCsvStream(db, { action })).text();
    const [header, ...lines] = csv.trim().split("\n");
    expect(header).toBe("at,actor,token,what,action,tenant,target,ip,details");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^[^,]+,system,.*,${action},,plain,,\\{\\}$`));
    expect(lines[1]).toContain(`,${actor.email},`);
    expect(lines[1]).toContain(`,${tenant.name},'=cmd(),,"{""a"":1}"`);
  });
});
