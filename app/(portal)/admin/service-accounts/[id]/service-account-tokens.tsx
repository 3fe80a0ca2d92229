import type { ServiceAccountDetail } from "@/lib/service-accounts/get-service-account";
import { EmptyState } from "@/components/empty-state";
import { NewTokenForm } from "@/app/(portal)/_components/tokens/new-token-form";
import { TokenTable } from "@/app/(portal)/_components/tokens/token-table";
import { revokeAnyToken } from "../../tokens/actions";
import { createServiceAccountToken } from "../actions";

export function ServiceAccountTokens({ account, manage }: { account: ServiceAccountDetail; manage: boolean }) {
  const active = account.status === "active";
  return (
    <>
      {manage &&
        (active ? (
          <NewTokenForm
            createAction={createServiceAccountToken}
            fixed={{ userId: account.id }}
            title="New token for this service account"
          />
        ) : (
          <p className="text-sm text-slate-600">
            This account is disabled: its tokens are refused. Enable it below to use them or to create another.
          </p>
        ))}
      <div className="mt-5">
        {account.tokens.length === 0 ? (
          <EmptyState title="No tokens yet">
            {manage
              ? "Create one above and give it to the pipeline as a secret; it is shown only once."
              : "An administrator creates its tokens."}
          </EmptyState>
        ) : (
          <TokenTable
            tokens={account.tokens}
            revokeAction={manage ? revokeAnyToken : undefined}
            now={new Date().toISOString()}
          />
        )}
      </div>
    </>
  );
}
