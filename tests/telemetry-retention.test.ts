import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { logLines, metricPoints } from "@/db/schema";
import { pruneTelemetry, retentionFromEnv } from "@/lib/telemetry/retention";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

const now = new Date("2026-11-28T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe("retention settings", () => {
  it("reads the environment and falls back on nonsense", () => {
    expect(retentionFromEnv({})).toEqual({ logs: 14, metrics: 35 });
    expect(retentionFromEnv({ ENCLAVE_LOG_RETENTION_DAYS: "3", ENCLAVE_METRIC_RETENTION_DAYS: "-1" })).toEqual({
      logs: 3,
      metrics: 35,
    });
  });
});

describe.each(testDatabases())("telemetry retention on $kind", (target) => {
  const database = useDatabase(target);

  it("removes lines and points older than their retention, in batches, for every tenant, and keeps the rest", async () => {
    const { db } = database();
    const [a, b] = [await createTenant(db), await createTenant(db, { status: "deleted" })];
    const ages = [20, 15, 13, 1];
    for (const tenant of [a, b]) {
      await db.insert(logLines).values(
        ages.flatMap((age) =>
          Array.from({ length: 7 }, (_, i) => ({
            tenantId: tenant.id,
            at: daysAgo(age),
            level: "info",
            resource: "web",
            message: `line ${i}`,
          })),
        ),
      );
      await db.insert(metricPoints).values(
        [40, 36, 30].map((age) => ({
          tenantId: tenant.id,
          resource: "web",
          metric: "cpu",
          at: daysAgo(age),
          value: 1,
        })),
      );
    }
    const removed = await pruneTelemetry(db, now, { logs: 14, metrics: 35 }, 3);
    expect(removed).toEqual({ logLines: 2 * 2 * 7, metricPoints: 2 * 2 });
    for (const tenant of [a, b]) {
      const left = await db.select({ at: logLines.at }).from(logLines).where(eq(logLines.tenantId, tenant.id));
      expect(left.map((l) => l.at.getTime()).sort()).toEqual(
        [...Array(7).fill(daysAgo(13).getTime()), ...Array(7).fill(daysAgo(1).getTime())].sort(),
      );
      const points = await db
        .select({ at: metricPoints.at })
        .from(metricPoints)
        .where(eq(metricPoints.tenantId, tenant.id));
      expect(points.map((p) => p.at)).toEqual([daysAgo(30)]);
    }
    expect(await pruneTelemetry(db, now, { logs: 14, metrics: 35 }, 3)).toEqual({ logLines: 0, metricPoints: 0 });
    await db.delete(logLines).where(inArray(logLines.tenantId, [a.id, b.id]));
    await db.delete(metricPoints).where(inArray(metricPoints.tenantId, [a.id, b.id]));
  });
});
