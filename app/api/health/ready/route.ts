// GET /api/health/ready — database reachable and migrations current; 503 with a reason otherwise
import { checkHealth } from "@/lib/server/health";
import { createLogger } from "@/lib/observability/logger";

export const dynamic = "force-dynamic";

const log = createLogger("health");

export async function GET() {
  const health = await checkHealth();
  if (health.status !== "ok") log.warn("not ready", { reason: health.reason });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
