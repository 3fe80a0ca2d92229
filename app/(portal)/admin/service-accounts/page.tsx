import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { NewServiceAccountPanel } from "./new-service-account-client";
import { ServiceAccountsTable } from "./service-accounts-table";

export const metadata = { title: "Service accounts" };

export default async function ServiceAccountsPage() {
  const { actor } = await authorizePage("/admin/service-accounts");
  const accounts = await listServiceAccounts(await getDb());
  const manage = can(actor, "admin:write");
  return (
    <>
      <PageHeader
        title="Service accounts"
        description="Non-human users for pipelines. They never sign in: they act through their tokens, with the role and tenant grants you give them."
        actions={manage ? <NewServiceAccountPanel /> : undefined}
      />
      {accounts.length === 0 ? (
        <EmptyState title="No service accounts yet">
          {manage
            ? "Create one for each pipeline, give it a token, then grant it the tenants it deploys to."
            : "An administrator creates them for pipelines."}
        </EmptyState>
      ) : (
        <ServiceAccountsTable accounts={accounts} now={new Date().toISOString()} />
      )}
    </>
  );
}
