"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { useConfirmedAction } from "@/components/use-action-runner";
import type { ManageableKind } from "@/lib/resources/resource-kinds";
import { deleteResource } from "./actions";

const consequences: Record<ManageableKind, string> = {
  service: "Its pods stop and its load balancer, if it has one, is removed.",
  host: "The machine is terminated and its disks with it.",
  bucket: "Every object in it is deleted with it.",
  database: "Its data is deleted with it, unless you keep a final snapshot.",
};

export function DeleteResourceButton({ tenant, kind, name }: { tenant: string; kind: ManageableKind; name: string }) {
  const confirmed = useConfirmedAction();
  const [finalSnapshot, setFinalSnapshot] = useState(true);
  return (
    <ConfirmButton
      label="Delete"
      title={`Delete ${kind} ${name}?`}
      confirmLabel={`Delete ${kind}`}
      className="text-sm font-medium text-red-700 hover:underline"
      onConfirm={() =>
        confirmed(() => deleteResource({ tenant, kind, name, ...(kind === "database" ? { finalSnapshot } : {}) }))
      }
    >
      {consequences[kind]} This cannot be undone.
      {kind === "database" && (
        <label className="mt-3 flex items-center gap-2 text-slate-700">
          <input type="checkbox" checked={finalSnapshot} onChange={(e) => setFinalSnapshot(e.target.checked)} />
          Take a final snapshot first
        </label>
      )}
    </ConfirmButton>
  );
}
