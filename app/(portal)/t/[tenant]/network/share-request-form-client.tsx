"use client";

import { useState } from "react";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { createShare, requestShare } from "./actions";

const accessOf = {
  bucket: [
    { value: "read", label: "read" },
    { value: "read-write", label: "read-write" },
  ],
  database: [{ value: "connect", label: "connect" }],
};

/** B's write users ask another tenant for a bucket or database; an administrator may create the share at once. */
export function ShareRequestForm({ tenant, owners, admin }: { tenant: string; owners: string[]; admin: boolean }) {
  const { pending, error, run } = useActionRunner();
  const [kind, setKind] = useState<"bucket" | "database">("bucket");
  async function submit(form: HTMLFormElement, now: boolean) {
    const data = new FormData(form);
    const target = {
      owner: String(data.get("owner") ?? ""),
      kind,
      resource: String(data.get("resource") ?? ""),
      access: String(data.get("access") ?? ""),
    };
    const result = now
      ? await run(() => createShare({ grantee: tenant, ...target }), "Share created; granting it now.")
      : await run(() => requestShare({ tenant, ...target }), "Request sent; the other tenant's write users decide.");
    if (result.ok) form.reset();
  }
  return (
    <form
      aria-label="Request a share"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget, false);
      }}
      className="card mb-4 flex flex-wrap items-end gap-3 p-4"
    >
      <h3 className="w-full text-sm font-semibold">Ask another tenant for access</h3>
      <SelectField
        label="Owner tenant"
        name="owner"
        anyLabel="Choose a tenant…"
        options={owners}
        className="min-w-40"
      />
      <label className="text-sm font-medium">
        Kind
        <select className="input mt-1" value={kind} onChange={(e) => setKind(e.target.value as "bucket" | "database")}>
          <option value="bucket">bucket</option>
          <option value="database">database</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Name
        <input name="resource" placeholder={kind === "bucket" ? "assets" : "orders"} className="input mt-1" />
      </label>
      <SelectField
        key={kind}
        label="Access"
        name="access"
        options={accessOf[kind]}
        defaultValue={accessOf[kind][0]!.value}
      />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Sending…" : "Request access"}
      </button>
      {admin && (
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={(event) => void submit(event.currentTarget.form!, true)}
        >
          Create share now
        </button>
      )}
      <FormError error={error} className="w-full" />
    </form>
  );
}
