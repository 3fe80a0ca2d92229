// GET /api/tenants?q=&cursor=&limit= — the tenant picker: a page of the tenants this user may see
import { routeHandler } from "@/lib/api/route-handler";
import { pickerQuery, tenantPickerPage } from "@/lib/tenants/tenant-picker";

const noStore = { "cache-control": "no-store" };

export const GET = routeHandler("/api/tenants", async (request, { db, actor }) => {
  const parsed = pickerQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues[0]?.message ?? "Invalid query." },
      { status: 400, headers: noStore },
    );
  return Response.json(await tenantPickerPage(db, actor, parsed.data), { headers: noStore });
});
