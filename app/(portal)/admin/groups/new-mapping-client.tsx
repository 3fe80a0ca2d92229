"use client";

import { useState } from "react";
import type { CreateGroupMappingInput } from "@/lib/group-mappings/create-group-mapping";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { createGroupMapping } from "./actions";

type Gives = "admin" | "auditor" | "tenant";

export function NewMappingForm({ tenants }: { tenants: { id: string; name: string }[] }) {
  const [group, setGroup] = useState("");
  const [gives, setGives] = useState<Gives>("tenant");
  const [tenantId, setTenantId] = useState(tenants[0]?.id ?? "");
  const [level, setLevel] = useState<"read" | "write">("read");
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: CreateGroupMappingInput =
      gives === "tenant" ? { group, target: "tenant", tenantId, level } : { group, target: "role", role: gives };
    const result = await run(() => createGroupMapping(input));
    if (result.ok) setGroup("");
  }

  return (
    <form onSubmit={onSubmit} aria-label="New group mapping" className="card mb-6 flex flex-wrap items-end gap-3 p-4">
      <label className="block min-w-56 flex-1 text-sm font-medium">
        Group
        <input
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          maxLength={200}
          placeholder="e.g. team-stage"
          className="input mt-1"
        />
      </label>
      <label className="block text-sm font-medium">
        Gives
        <select
          aria-label="Gives"
          value={gives}
          onChange={(e) => setGives(e.target.value as Gives)}
          className="input mt-1"
        >
          <option value="tenant">Access to a tenant</option>
          <option value="auditor">Auditor role</option>
          <option value="admin">Administrator role</option>
        </select>
      </label>
      {gives === "tenant" && (
        <>
          <label className="block text-sm font-medium">
            Tenant
            <select
              aria-label="Tenant"
              value={tenantId}
              onChange={(e) => setTenantId(e.target.value)}
              className="input mt-1"
            >
              {tenants.length === 0 && <option value="">No tenants yet</option>}
              {tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium">
            Level
            <select
              aria-label="Level"
              value={level}
              onChange={(e) => setLevel(e.target.value as "read" | "write")}
              className="input mt-1"
            >
              <option value="read">read</option>
              <option value="write">write</option>
            </select>
          </label>
        </>
      )}
      <button type="submit" disabled={pending} className="btn-primary">
        {pending ? "Adding…" : "Add mapping"}
      </button>
      <FormError error={error} className="w-full" />
    </form>
  );
}
