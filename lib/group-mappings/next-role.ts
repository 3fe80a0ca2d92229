import type { User, UserRole } from "@/db/schema";

export type GroupRole = Exclude<UserRole, "user">;
const rank: Record<UserRole, number> = { user: 0, auditor: 1, admin: 2 };

/** admin if any of the user's groups maps to admin, else auditor if any maps to auditor. */
export function strongestGroupRole(roles: (UserRole | null)[]): GroupRole | null {
  if (roles.includes("admin")) return "admin";
  return roles.includes("auditor") ? "auditor" : null;
}

/**
 * The role after an SSO sign-in. A group may raise any role (it then comes from the group);
 * a group-given role follows the groups, down to "user"; a role an admin set is never lowered.
 */
export function nextRole(
  current: Pick<User, "role" | "roleSource">,
  groupRole: GroupRole | null,
): Pick<User, "role" | "roleSource"> {
  if (current.roleSource === "group")
    return groupRole ? { role: groupRole, roleSource: "group" } : { role: "user", roleSource: "direct" };
  if (groupRole && rank[groupRole] > rank[current.role]) return { role: groupRole, roleSource: "group" };
  return { role: current.role, roleSource: current.roleSource };
}
