// GET /api/health — readiness under its older name, for monitors set up before the split
export { GET } from "./ready/route";

export const dynamic = "force-dynamic";
