// The tenant-name rule without zod, so the new-tenant form can check a name as it is typed without
// shipping a validation library to the browser; the server's schema applies the same rule.
const reserved = new Set(["default", "admin", "system", "public", "enclave", "api", "login", "new"]);

/** What is wrong with a (trimmed) tenant name, or null when it is a valid one: a DNS label, not reserved. */
export function tenantNameProblem(name: string): string | null {
  if (name.length < 2) return "A tenant name has at least 2 characters.";
  if (name.length > 30) return "A tenant name has at most 30 characters.";
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(name))
    return "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.";
  if (reserved.has(name) || name.startsWith("kube-")) return "That name is reserved; choose another.";
  return null;
}
