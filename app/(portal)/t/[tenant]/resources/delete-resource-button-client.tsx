"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
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

type Props = { tenant: string; kind: ManageableKind; name: string; returnTo?: string };

/** Asks, then deletes; from a resource's own page it goes back to the list, where the deletion's progress shows. */
export function DeleteResourceButton({ tenant, kind, name, returnTo }: Props) {
  const confirmed = useConfirmedAction();
  const router = useRouter();
  const [finalSnapshot, setFinalSnapshot] = useState(true);
  return (
    <ConfirmButton
      label="Delete"
      title={`Delete ${kind} ${name}?`}
      confirmLabel={`Delete ${kind}`}
      className="text-sm font-medium text-red-700 hover:underline"
      onConfirm={async () => {
        const problem = await confirmed(() =>
          deleteResource({ tenant, kind, name, ...(kind === "database" ? { finalSnapshot } : {}) }),
        );
        if (!problem && returnTo) router.push(returnTo);
        return problem;
      }}
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
