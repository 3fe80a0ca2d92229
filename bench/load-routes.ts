import type { Target } from "./load-run";
import type { LoadAccounts } from "./load-server";
import { signIn, whoAmI } from "./load-session";

/** What a route is held to: its floor and the share of the floor's throughput it must reach. */
export type RouteKind = "api floor" | "page floor" | "tenant page" | "tenant API" | "list page" | "admin page";
export type Route = Target & { kind: RouteKind };

export const apiFloor = "GET /api/health (API floor)";
export const pageFloor = "GET /login (page floor)";

async function signedIn(baseUrl: string, email: string, password: string) {
  const cookie = await signIn(baseUrl, email, password);
  return { cookie, me: await whoAmI(baseUrl, cookie) };
}

/**
 * Signs the accounts in and names every route: both floors, the tenant's pages and APIs as a
 * user with three grants, `/tenants` as the seed's busiest user and as the admin, the admin pages.
 */
export async function routesFor(baseUrl: string, accounts: LoadAccounts): Promise<Route[]> {
  const user = await signedIn(baseUrl, accounts.user, accounts.password);
  const admin = await signedIn(baseUrl, accounts.admin, accounts.password);
  const busiest = accounts.busiest ? await signedIn(baseUrl, accounts.busiest, accounts.password) : null;
  if (admin.me.role !== "admin") throw new Error(`${accounts.admin} signed in with role ${admin.me.role}, not admin.`);
  const name = (user.me.tenants.find((t) => t.status === "ready") ?? user.me.tenants[0])?.name;
  if (!name) throw new Error(`${accounts.user} sees no tenant; the scale seed should grant it three.`);
  console.log(
    `${accounts.user} sees ${user.me.tenants.length} tenants; benchmarking ${name}` +
      (busiest ? `; ${accounts.busiest} sees ${busiest.me.tenants.length}` : ""),
  );
  const t = `/t/${encodeURIComponent(name)}`;
  const api = `/api/t/${encodeURIComponent(name)}`;
  const u = user.cookie;
  return [
    { route: apiFloor, kind: "api floor", path: "/api/health" },
    { route: pageFloor, kind: "page floor", path: "/login" },
    { route: "tenant overview", kind: "tenant page", path: t, cookie: u },
    { route: "resources", kind: "tenant page", path: `${t}/resources`, cookie: u },
    { route: "logs search", kind: "tenant page", path: `${t}/logs?q=timeout&range=24h`, cookie: u },
    { route: "alerts", kind: "tenant page", path: `${t}/alerts`, cookie: u },
    { route: "billing page", kind: "tenant page", path: `${t}/billing`, cookie: u },
    { route: "metrics API", kind: "tenant API", path: `${api}/metrics?metric=cpu&range=24h`, cookie: u },
    { route: "logs API", kind: "tenant API", path: `${api}/logs?q=timeout&range=24h`, cookie: u },
    ...(busiest
      ? [
          {
            route: `/tenants (${busiest.me.tenants.length} grants)`,
            kind: "list page" as const,
            path: "/tenants",
            cookie: busiest.cookie,
          },
        ]
      : []),
    { route: "/tenants (admin)", kind: "admin page", path: "/tenants", cookie: admin.cookie },
    { route: "admin spend", kind: "admin page", path: "/admin/billing", cookie: admin.cookie },
    { route: "admin users", kind: "admin page", path: "/admin/users", cookie: admin.cookie },
    { route: "admin audit", kind: "admin page", path: "/admin/audit", cookie: admin.cookie },
  ];
}
