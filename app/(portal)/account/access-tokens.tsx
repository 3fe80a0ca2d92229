import { getDb } from "@/db";
import { listTokensOf } from "@/lib/tokens/list-tokens";
import { EmptyState } from "@/components/empty-state";
import { NewTokenForm } from "@/app/(portal)/_components/tokens/new-token-form";
import { TokenTable } from "@/app/(portal)/_components/tokens/token-table";
import { createOwnToken, revokeOwnToken } from "./actions";

/** The signed-in user's personal access tokens: made here, shown once, listed with their last use. */
export async function AccessTokens({ userId }: { userId: string }) {
  const tokens = await listTokensOf(await getDb(), userId);
  return (
    <section className="card mt-6 p-5" aria-labelledby="access-tokens-heading">
      <h2 id="access-tokens-heading" className="text-base font-semibold">
        Access tokens
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        For scripts and pipelines that call the Enclave API (<code>/api/v1</code>). A token acts as you, with your
        current access, capped at its scope: a read token never changes anything.
      </p>
      <NewTokenForm createAction={createOwnToken} title="New access token" />
      <div className="mt-5">
        {tokens.length === 0 ? (
          <EmptyState title="You have no access tokens">
            Create one above for each script or pipeline, so you can revoke one without breaking the others.
          </EmptyState>
        ) : (
          <TokenTable tokens={tokens} revokeAction={revokeOwnToken} now={new Date().toISOString()} />
        )}
      </div>
    </section>
  );
}
