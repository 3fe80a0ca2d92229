"use client";

import { useState } from "react";
import type { NetworkRuleRow } from "@/lib/network/list-network-rules";
import { ConfirmButton } from "@/components/confirm-button";
import { DataTable } from "@/components/data-table";
import { FormError } from "@/components/form-error";
import { formatDateTime } from "@/components/format";
import { SelectField } from "@/components/select-field";
import { StatusBadge } from "@/components/status-badge";
import { useActionRunner, useConfirmedAction } from "@/components/use-action-runner";
import { addNetworkRule, removeNetworkRule } from "./actions";

const protocols = [
  { value: "tcp", label: "TCP" },
  { value: "udp", label: "UDP" },
  { value: "all", label: "all traffic" },
];
const portOf = (value: FormDataEntryValue | null) => (value ? Number(value) : undefined);

export function AddRuleForm({ tenant, sources }: { tenant: string; sources: string[] }) {
  const { pending, error, run } = useActionRunner();
  const [from, setFrom] = useState<"tenant" | "cidr">(sources.length ? "tenant" : "cidr");
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const source =
      from === "tenant"
        ? { sourceTenant: String(data.get("sourceTenant") ?? "") || undefined }
        : { cidr: String(data.get("cidr") ?? "") || undefined };
    const result = await run(() =>
      addNetworkRule({
        tenant,
        ...source,
        protocol: data.get("protocol"),
        fromPort: portOf(data.get("fromPort")),
        toPort: portOf(data.get("toPort")),
      }),
    );
    if (result.ok) form.reset();
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Allow ingress"
      className="card mb-6 flex flex-wrap items-end gap-3 p-4"
    >
      <h3 className="w-full text-sm font-semibold">Allow ingress from</h3>
      <label className="text-sm font-medium">
        Source
        <select className="input mt-1" value={from} onChange={(e) => setFrom(e.target.value as "tenant" | "cidr")}>
          <option value="tenant">another tenant</option>
          <option value="cidr">a CIDR block</option>
        </select>
      </label>
      {from === "tenant" ? (
        <SelectField
          label="Tenant"
          name="sourceTenant"
          anyLabel="Choose a tenant…"
          options={sources}
          className="min-w-40"
        />
      ) : (
        <label className="text-sm font-medium">
          CIDR
          <input name="cidr" placeholder="10.20.0.0/16" className="input mt-1" />
        </label>
      )}
      <SelectField label="Protocol" name="protocol" options={protocols} defaultValue="tcp" />
      <label className="text-sm font-medium">
        From port
        <input name="fromPort" type="number" min={1} max={65535} className="input mt-1 w-28" />
      </label>
      <label className="text-sm font-medium">
        To port
        <input name="toPort" type="number" min={1} max={65535} className="input mt-1 w-28" />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Allowing…" : "Allow"}
      </button>
      <FormError error={error} className="w-full" />
    </form>
  );
}

export function RulesTable({ tenant, rules, manage }: { tenant: string; rules: NetworkRuleRow[]; manage: boolean }) {
  const confirmed = useConfirmedAction();
  return (
    <DataTable<NetworkRuleRow>
      caption="Ingress rules"
      rows={rules}
      rowKey={(r) => r.id}
      columns={[
        { header: "From", cell: (r) => <span className="font-medium">{r.source}</span> },
        { header: "Protocol", cell: (r) => r.protocol.toUpperCase() },
        { header: "Ports", cell: (r) => r.ports },
        {
          header: "State",
          cell: (r) => (
            <span title={r.error ?? undefined}>
              <StatusBadge status={r.state} />
              {r.error && <span className="ml-2 text-xs text-red-700">{r.error}</span>}
            </span>
          ),
        },
        { header: "Added", cell: (r) => formatDateTime(new Date(r.createdAt)), className: "text-slate-500" },
        ...(manage
          ? [
              {
                header: "",
                cell: (r: NetworkRuleRow) => (
                  <ConfirmButton
                    label="Remove"
                    title={`Stop allowing ${r.source}?`}
                    onConfirm={() => confirmed(() => removeNetworkRule({ tenant, ruleId: r.id }))}
                  >
                    Both the security-group rule and the NetworkPolicy are revoked.
                  </ConfirmButton>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
