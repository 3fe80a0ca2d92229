export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Before the server opens the database, so its first requests are traced too.
  const { startTracing } = await import("./lib/observability/tracing");
  await startTracing();
  const { prepareServer } = await import("./lib/server/prepare");
  await prepareServer();
}
