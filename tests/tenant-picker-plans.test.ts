import { randomBytes } from "node:crypto";
import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users, type User } from "@/db/schema";
import { countUnresolvedAlerts } from "@/lib/alerts/alert-queries";
import { localTelemetry } from "@/lib/cloud/local/telemetry";
import { loadActor, type Actor } from "@/lib/context/actor";
import { listVisibleTenantsPage } from "@/lib/tenants/tenant-list";
import { countTenantMembers, visibleTenantsWhere } from "@/lib/tenants/queries";
import { pickerQuery, pickerSearchQuery, tenantPickerPage } from "@/lib/tenants/tenant-picker";
import { isolatedTestDatabases, useDatabase } from "./helpers/databases";
import { explainPlan, indexesUsed, planNodes, seqScansOn, statementsOf } from "./helpers/explain-plan";
import { createInfrastructure } from "./helpers/factory";

// Twenty thousand tenants with four alerts each (one unresolved), a user granted 117 of them, and
// two hundred users' visits and stars, analyzed. At one to three thousand tenants the planner
// rightly reads the whole table (a few dozen pages) rather than the trigram index; sized so that
// a plan which reads every tenant costs far more than one that does not. On PostgreSQL in a schema
// of its own: in the shared one, the dead rows other files leave in tenants move a plan's costs.
const [tenantCount, grantCount, shortcutUsers] = [20_000, 117, 200];
const large = ["tenants", "tenant_grants", "tenant_visits", "favorite_tenants", "alerts"];
const word = `p${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
const trigramIndex = "tenants_live_name_trgm_idx";

describe.each(isolatedTestDatabases())("tenant picker and shell query plans on $kind", (target) => {
  const database = useDatabase(target);
  let admin: Actor, granted: Actor;
  let tenantIds: string[], names: string[], infrastructureId: string;

  beforeAll(async () => {
    const { db } = database();
    ({ id: infrastructureId } = await createInfrastructure(db));
    // Names such as 3f2a9c1e-<word>-17: varied starts, like real names, and a shared part to search for.
    const inserted = await db.execute(sql`
      insert into tenants (name, infrastructure_id, status)
      select substr(md5(g::text || ${word}), 1, 8) || '-' || ${word} || '-' || g, ${infrastructureId}::uuid, 'ready'
      from generate_series(1, ${tenantCount}::int) g returning id, name`);
    const rows = (inserted as unknown as { rows: { id: string; name: string }[] }).rows;
    [tenantIds, names] = [rows.map((r) => r.id), rows.map((r) => r.name)];
    await db.execute(sql`
      insert into alerts (tenant_id, source, key, title, severity, state, opened_at)
      select t.id, 'rule', 'k' || i, 'CPU', 'warning', (case when i = 1 then 'open' else 'resolved' end)::alert_state, now() - i * interval '1 hour'
      from tenants t cross join generate_series(1, 4) i where t.infrastructure_id = ${infrastructureId}::uuid`);
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: shortcutUsers + 2 }, (_, i) => ({
          email: `${word}-${i}@plans.test.enclave.local`,
          name: "Plan user",
          role: i === 0 ? ("admin" as const) : ("user" as const),
        })),
      )
      .returning();
    const [adminUser, grantedUser] = made as [User, User];
    const ours = sql`select id from tenants where infrastructure_id = ${infrastructureId}::uuid`;
    await db.execute(
      sql`insert into tenant_grants (tenant_id, user_id, level) select id, ${grantedUser.id}::uuid, 'read' from (${ours} limit ${grantCount}) t`,
    );
    // Each user visited 40 tenants and starred 5, different ones for different users.
    const pairs = (every: number) => sql`
      select u.id as user_id, t.id as tenant_id from (select id, row_number() over () as n from users where email like ${`${word}-%`}) u
      join (select id, row_number() over () as n from (${ours}) o) t on t.n % ${every} = u.n % ${every}`;
    await db.execute(
      sql`insert into tenant_visits (user_id, tenant_id, visited_at) select user_id, tenant_id, now() - random() * interval '30 days' from (${pairs(tenantCount / 40)}) p`,
    );
    await db.execute(
      sql`insert into favorite_tenants (user_id, tenant_id) select user_id, tenant_id from (${pairs(tenantCount / 5)}) p`,
    );
    // And each was granted a hundred tenants, so that the grants are a table worth reading by index.
    await db.execute(
      sql`insert into tenant_grants (user_id, tenant_id, level) select user_id, tenant_id, 'read' from (${pairs(tenantCount / 100)}) p where user_id not in (${adminUser.id}::uuid, ${grantedUser.id}::uuid)`,
    );
    for (const table of ["tenants", "alerts", "tenant_grants", "tenant_visits", "favorite_tenants", "users"])
      await db.execute(sql.raw(`analyze ${table}`));
    [admin, granted] = [await loadActor(db, adminUser), await loadActor(db, grantedUser)];
  }, 300_000);
  // Registered after useDatabase, so it runs before the database closes; tenants go with their infrastructure.
  afterAll(async () => {
    await database()
      .db.delete(users)
      .where(like(users.email, `${word}-%`));
  });

  const page = (actor: () => Actor, q: Record<string, unknown>) => (db: Parameters<typeof tenantPickerPage>[0]) =>
    tenantPickerPage(db, actor(), pickerQuery.parse(q));
  const searchPlan = async (actor: Actor, q: Record<string, unknown>) => {
    const { db } = database();
    return explainPlan(db, pickerSearchQuery(db, actor, visibleTenantsWhere(actor)!, pickerQuery.parse(q)));
  };
  const sampledNames = async () => {
    const stats = await database().db.execute(
      sql`select histogram_bounds::text::text[] as bounds from pg_stats where schemaname = current_schema() and tablename = 'tenants' and attname = 'name'`,
    );
    return (stats as unknown as { rows: { bounds: string[] }[] }).rows[0]!.bounds;
  };
  // The indexes whose condition bounds the name: the trigram index, or (a prefix, where the database's
  // collation lets a btree serve LIKE 'ab%', as C does) a range of the unique name index.
  const nameBoundedBy = async (actor: Actor, q: Record<string, unknown>) =>
    planNodes(await searchPlan(actor, q)).flatMap((n) =>
      n["Index Name"] && /\bname\b/.test(String(n["Index Cond"] ?? "")) ? [n["Index Name"]] : [],
    );

  it("opens the picker for an admin and a user with 117 grants by index: names in order, their favourites and visits", async () => {
    for (const actor of [() => admin, () => granted]) {
      expect(granted.grants.size).toBe(grantCount);
      expect(await seqScansOn(database(), large, page(actor, {}))).toEqual([]);
      expect(await seqScansOn(database(), large, page(actor, { cursor: names[40]! }))).toEqual([]);
    }
    expect(indexesUsed(await searchPlan(admin, {}))).toContain("tenants_live_name_key");
  });

  it("searches the names by index: a start of one or two characters, or any part of three or more", async () => {
    // A part of a name the planner's histogram holds (its ends do not count): estimated from that
    // sample, as if one tenant in a few hundred matched.
    const sampled = (await sampledNames()).filter((name) => name.includes(`-${word}-`));
    const rare = sampled[sampled.length >> 1]!.slice(2, 7);
    expect(await nameBoundedBy(admin, { q: rare })).toContain(trigramIndex);
    // Nothing starts with "zz": no plan may walk every name to find that out.
    expect(await nameBoundedBy(admin, { q: "zz" })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^tenants_live_name_(trgm_idx|key)$/)]),
    );
    // Where matches are many, walking the names in order until a page is full is as good.
    for (const q of [rare, "zz", names[99]!.slice(0, 2), `${word}-77`])
      expect(
        await seqScansOn(
          database(),
          large,
          page(() => admin, { q }),
        ),
        q,
      ).toEqual([]);
    expect(
      await seqScansOn(
        database(),
        large,
        page(() => granted, { q: rare }),
      ),
    ).toEqual([]);
  });

  it("does not scan the tenants when a search matches most of them", async () => {
    expect(
      await seqScansOn(
        database(),
        large,
        page(() => admin, { q: word }),
      ),
    ).toEqual([]);
  });

  it("counts one tenant's unresolved alerts from the partial index of unresolved alerts", async () => {
    const count = (db: Parameters<typeof countUnresolvedAlerts>[0]) => countUnresolvedAlerts(db, tenantIds[7]!);
    expect(await count(database().db)).toBe(1);
    expect(await seqScansOn(database(), large, count)).toEqual([]);
  });

  it("counts one tenant's members from the grants' index, without reading the grants' rows", async () => {
    const members = (db: Parameters<typeof countTenantMembers>[0]) => countTenantMembers(db, tenantIds[0]!);
    expect(await members(database().db)).toBeGreaterThanOrEqual(1);
    expect(await seqScansOn(database(), large, members)).toEqual([]);
    const { db } = database();
    // The index that holds the grant's user and expiry too: PostgreSQL reads it alone (an index-only scan).
    const plan = await explainPlan(
      db,
      sql`select count(distinct user_id) from tenant_grants where tenant_id = ${tenantIds[0]!}::uuid and (expires_at is null or expires_at > now())`,
    );
    expect(indexesUsed(plan)).toEqual(["tenant_grants_tenant_members_idx"]);
  });

  it("finds a tenant of the local cloud by its name by index, as every log search and chart does", async () => {
    const { db } = database();
    const window = {
      metric: "cpu" as const,
      from: new Date(Date.now() - 3_600_000),
      to: new Date(),
      bucketSeconds: 60,
    };
    const charted = (handle: typeof db) => localTelemetry(handle, infrastructureId).readMetrics(names[4321]!, window);
    expect(await charted(db)).toEqual([]);
    expect(await statementsOf(database(), charted)).toHaveLength(2);
    expect(await seqScansOn(database(), large, charted)).toEqual([]);
  });

  it("lists a page of /tenants in two statements, for an admin and for a user with 117 grants", async () => {
    for (const actor of [admin, granted]) {
      const work = (db: Parameters<typeof listVisibleTenantsPage>[0]) => listVisibleTenantsPage(db, actor, { page: 2 });
      expect(await statementsOf(database(), work)).toHaveLength(2);
      expect((await listVisibleTenantsPage(database().db, actor, { page: 2 })).rows).toHaveLength(50);
      expect(await seqScansOn(database(), ["tenant_grants", "alerts"], work)).toEqual([]);
    }
  });
});
