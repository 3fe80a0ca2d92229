"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { useConfirmedAction } from "@/components/use-action-runner";
import { setUserStatus } from "../../users/actions";

type Account = { id: string; email: string; status: "active" | "disabled" };

/** Disabling stops every token of the account at its next request; enabling brings them back. */
export function StatusButton({ account }: { account: Account }) {
  const confirmed = useConfirmedAction();
  const disabling = account.status === "active";
  return (
    <ConfirmButton
      label={disabling ? "Disable service account" : "Enable service account"}
      title={disabling ? `Disable ${account.email}?` : `Enable ${account.email}?`}
      tone={disabling ? "danger" : "primary"}
      className={disabling ? "btn-secondary text-red-700" : "btn-secondary"}
      onConfirm={() =>
        confirmed(() => setUserStatus({ userId: account.id, status: disabling ? "disabled" : "active" }))
      }
    >
      {disabling
        ? "Every token it has is refused from its next request. Its tokens and grants are kept."
        : "Its live tokens work again, with the role and grants it has."}
    </ConfirmButton>
  );
}
