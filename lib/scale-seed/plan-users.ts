import type { User } from "@/db/schema";
import { noise } from "@/lib/cloud/local/simulated-metrics";
import { loadAdminEmail, loadTestEmail, scaleUserEmail } from "./scale-names";

const dayMs = 86_400_000;
const firstNames = [
  "Maya",
  "Liam",
  "Noor",
  "Jonas",
  "Aiko",
  "Mateo",
  "Zara",
  "Emil",
  "Priya",
  "Owen",
  "Lena",
  "Kwame",
  "Sofia",
  "Ravi",
  "Ines",
  "Tomás",
  "Hana",
  "Felix",
  "Amara",
  "Yusuf",
];
const lastNames = [
  "Okafor",
  "Lindqvist",
  "Haddad",
  "Novak",
  "Tanaka",
  "Silva",
  "Kowalski",
  "Mensah",
  "Rossi",
  "Iyer",
  "Schmidt",
  "Dubois",
  "Nakamura",
  "Costa",
  "Walsh",
  "Petrov",
  "Moreau",
  "Adeyemi",
  "Berg",
  "Quinn",
];

export type PlannedUser = Pick<User, "email" | "name" | "role" | "status" | "createdAt" | "lastSignInAt">;

/** User n, from n alone: mostly plain users, about one in 250 an admin and one in 125 an auditor; a few disabled. */
export function planUser(prefix: string, n: number, now: Date): PlannedUser {
  const draw = (field: string) => noise("scale-user", n, field);
  const pick = (names: string[], field: string) => names[Math.floor(draw(field) * names.length)]!;
  const roll = draw("role");
  const createdAt = new Date(now.getTime() - (1 + draw("age") * 364) * dayMs);
  const signedIn = draw("active") < 0.7;
  return {
    email: scaleUserEmail(prefix, n),
    name: `${pick(firstNames, "first")} ${pick(lastNames, "last")}`,
    role: roll < 0.004 ? "admin" : roll < 0.012 ? "auditor" : "user",
    status: draw("disabled") < 0.02 ? "disabled" : "active",
    createdAt,
    lastSignInAt: signedIn
      ? new Date(Math.max(createdAt.getTime(), now.getTime() - draw("last-seen") * 30 * dayMs))
      : null,
  };
}

/** The two accounts the load benchmark signs in with. */
export function loadAccounts(prefix: string, now: Date): PlannedUser[] {
  const createdAt = new Date(now.getTime() - 200 * dayMs);
  return [
    { email: loadTestEmail(prefix), name: "Load Test", role: "user", status: "active", createdAt, lastSignInAt: null },
    {
      email: loadAdminEmail(prefix),
      name: "Load Admin",
      role: "admin",
      status: "active",
      createdAt,
      lastSignInAt: null,
    },
  ];
}

export const planUsers = (prefix: string, count: number, now: Date): PlannedUser[] => [
  ...Array.from({ length: count }, (_, i) => planUser(prefix, i + 1, now)),
  ...loadAccounts(prefix, now),
];
