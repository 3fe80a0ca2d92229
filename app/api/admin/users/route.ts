// GET /api/admin/users?q= — the first users whose email or name matches, for the command palette
import { routeHandler } from "@/lib/api/route-handler";
import { listUsers } from "@/lib/users/list-users";

export const GET = routeHandler("/api/admin/users", async (request, { db }) => {
  const search = new URL(request.url).searchParams.get("q") ?? "";
  const { rows } = await listUsers(db, { search, pageSize: 8 });
  return Response.json(
    { users: rows.map(({ id, email, name }) => ({ id, email, name })) },
    { headers: { "cache-control": "no-store" } },
  );
});
