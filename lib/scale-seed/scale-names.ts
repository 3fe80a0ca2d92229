// Names are fixed by position, not by run: a second run finds what the first one made.
export const scaleInfrastructureName = (prefix: string) => `${prefix}-local`;
export const scaleTenantName = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, "0")}`;
export const scaleUserEmail = (prefix: string, n: number) =>
  `user-${String(n).padStart(5, "0")}@${prefix}.enclave.local`;
export const loadTestEmail = (prefix: string) => `loadtest@${prefix}.enclave.local`;
export const loadAdminEmail = (prefix: string) => `loadadmin@${prefix}.enclave.local`;
// A prefix has no _ or %, so the pattern matches its email domain and nothing else.
export const scaleEmailPattern = (prefix: string) => `%@${prefix}.enclave.local`;

/** Every seeded account signs in with it; the load benchmark uses it too. */
export const scalePassword = "enclave-scale-seed";

export const tenantNames = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => scaleTenantName(prefix, i + 1));
