"use client";

import { grantTenantAccess, revokeTenantAccess } from "@/app/actions/grant-actions";
import { ConfirmButton } from "@/components/confirm-button";
import { localInputToIso } from "@/components/datetime";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner, useConfirmedAction } from "@/components/use-action-runner";

/** One side of the grant is fixed by the page (a tenant's access page, a user's page); the other is chosen. */
type Props = { fixed: { tenant: string } | { userId: string }; choices: { value: string; label: string }[] };

export function GrantAccessForm({ fixed, choices }: Props) {
  const { pending, error, run } = useActionRunner();
  const choosing = "tenant" in fixed ? "userId" : "tenant";
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expiresAt = localInputToIso(String(data.get("expiresAt") ?? ""));
    const result = await run(() =>
      grantTenantAccess({ [choosing]: data.get(choosing), ...fixed, level: data.get("level"), expiresAt }),
    );
    if (result.ok) form.reset();
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Grant access"
      className="card my-4 flex flex-wrap items-end gap-3 p-4"
    >
      <h3 className="w-full text-sm font-semibold">
        {choosing === "tenant" ? "Grant access to a tenant" : "Grant a user access"}
      </h3>
      <SelectField
        label={choosing === "tenant" ? "Tenant" : "User"}
        name={choosing}
        anyLabel={choosing === "tenant" ? "Choose a tenant…" : "Choose a user…"}
        options={choices}
        className="min-w-48"
      />
      <SelectField label="Level" name="level" options={["read", "write"]} defaultValue="read" />
      <label className="text-sm font-medium">
        Expires (optional, your local time)
        <input name="expiresAt" type="datetime-local" className="input mt-1" />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Granting…" : "Grant access"}
      </button>
      <FormError error={error} className="w-full" />
    </form>
  );
}

export function RevokeGrantButton({ tenant, userId, email }: { tenant: string; userId: string; email: string }) {
  const confirmed = useConfirmedAction();
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke access to ${tenant}?`}
      onConfirm={() => confirmed(() => revokeTenantAccess({ tenant, userId }))}
    >
      {email} loses this access at their next request. Access an SSO group gives them, if any, stays.
    </ConfirmButton>
  );
}
