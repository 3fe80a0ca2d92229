"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { useConfirmedAction } from "@/components/use-action-runner";
import type { ManageableKind } from "@/lib/resources/resource-kinds";
import { deleteResource } from "./actions";

const consequences: Record<ManageableKind, string> = {
  service: "Its pods stop and its load balancer, if it has one, is removed.",
  host: "The machine is terminated and its disks with it.",
  bucket: "Every object in it is deleted with it.",
};

export function DeleteResourceButton({ tenant, kind, name }: { tenant: string; kind: ManageableKind; name: string }) {
  const confirmed = useConfirmedAction();
  return (
    <ConfirmButton
      label="Delete"
      title={`Delete ${kind} ${name}?`}
      confirmLabel={`Delete ${kind}`}
      className="text-sm font-medium text-red-700 hover:underline"
      onConfirm={() => confirmed(() => deleteResource({ tenant, kind, name }))}
    >
      {consequences[kind]} This cannot be undone.
    </ConfirmButton>
  );
}
