import type { GrantLevel, UserRole } from "@/db/schema";

export const demoAccounts = [
  { email: "admin@enclave.local", name: "Ada Admin", role: "admin", password: "enclave-admin-demo", grants: {} },
  {
    email: "alice@enclave.local",
    name: "Alice Developer",
    role: "user",
    password: "enclave-alice-demo",
    grants: { dev: "write", stage: "read" },
  },
  {
    email: "bob@enclave.local",
    name: "Bob Operator",
    role: "user",
    password: "enclave-bob-demo",
    grants: { dev: "read", stage: "read" },
  },
  {
    email: "audrey@enclave.local",
    name: "Audrey Auditor",
    role: "auditor",
    password: "enclave-audrey-demo",
    grants: {},
  },
  { email: "nina@enclave.local", name: "Nina Newcomer", role: "user", password: "enclave-nina-demo", grants: {} },
] as const satisfies readonly {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  grants: Partial<Record<string, GrantLevel>>;
}[];

export const demoTenants = ["dev", "stage", "prod"] as const;
