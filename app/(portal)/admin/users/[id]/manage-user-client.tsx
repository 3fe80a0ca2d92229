"use client";

import { useState } from "react";
import type { UserRole } from "@/db/schema";
import { ConfirmButton } from "@/components/confirm-button";
import { setUserRole, setUserStatus, signOutUserEverywhere } from "../actions";
import { FormError } from "@/components/form-error";
import { useActionRunner, useConfirmedAction } from "@/components/use-action-runner";

type User = { id: string; email: string; role: UserRole; roleSource: string; status: "active" | "disabled" };

export function RoleForm({ user }: { user: User }) {
  const [role, setRole] = useState<UserRole>(user.role);
  const { pending, error, run } = useActionRunner();
  const unchanged = role === user.role && user.roleSource === "direct";
  return (
    <form
      aria-label="Role"
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        await run(() => setUserRole({ userId: user.id, role }));
      }}
    >
      <label className="text-sm font-medium">
        Role
        <select
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as UserRole)}
          className="input mt-1 min-w-40"
        >
          <option value="user">user</option>
          <option value="auditor">auditor</option>
          <option value="admin">admin</option>
        </select>
      </label>
      <button type="submit" className="btn-primary" disabled={pending || unchanged}>
        {pending ? "Saving…" : "Save role"}
      </button>
      {user.roleSource !== "direct" && (
        <p className="w-full text-xs text-slate-500">
          Given by an SSO group. Saving sets it by hand, and sign-in will no longer change it.
        </p>
      )}
      <FormError error={error} className="w-full" />
    </form>
  );
}

export function SessionButtons({ user, isSelf }: { user: User; isSelf: boolean }) {
  const confirmed = useConfirmedAction();
  const disabling = user.status === "active";
  return (
    <div className="flex flex-wrap gap-2">
      {disabling && isSelf ? null : (
        <ConfirmButton
          label={disabling ? "Disable account" : "Enable account"}
          title={disabling ? `Disable ${user.email}?` : `Enable ${user.email}?`}
          tone={disabling ? "danger" : "primary"}
          className={disabling ? "btn-secondary text-red-700" : "btn-secondary"}
          onConfirm={() =>
            confirmed(() => setUserStatus({ userId: user.id, status: disabling ? "disabled" : "active" }))
          }
        >
          {disabling
            ? "They are signed out at their next request and cannot sign in until enabled again. Their grants are kept."
            : "They can sign in again, with the role and grants they had."}
        </ConfirmButton>
      )}
      <ConfirmButton
        label="Sign out everywhere"
        title={`Sign ${user.email} out everywhere?`}
        onConfirm={() => confirmed(() => signOutUserEverywhere({ userId: user.id }))}
      >
        Every session they have ends at its next request{isSelf ? ", including this one" : ""}. They can sign in again
        at once.
      </ConfirmButton>
    </div>
  );
}
