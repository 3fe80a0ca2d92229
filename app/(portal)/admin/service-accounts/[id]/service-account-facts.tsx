import type { ServiceAccountDetail } from "@/lib/service-accounts/get-service-account";
import { formatDateTime } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm break-words">{children}</dd>
    </div>
  );
}

export function ServiceAccountFacts({ account }: { account: ServiceAccountDetail }) {
  const live = account.tokens.filter((t) => t.state === "active").length;
  const lastUsed = account.tokens.reduce<Date | null>(
    (latest, t) => (t.lastUsedAt && (!latest || t.lastUsedAt > latest) ? t.lastUsedAt : latest),
    null,
  );
  return (
    <dl className="card grid grid-cols-2 gap-x-6 gap-y-4 p-5 lg:grid-cols-5">
      <Fact label="Role">{account.role}</Fact>
      <Fact label="Status">
        <StatusBadge status={account.status} />
      </Fact>
      <Fact label="Live tokens">{live}</Fact>
      <Fact label="Last used">{lastUsed ? formatDateTime(lastUsed) : "Never"}</Fact>
      <Fact label="Created">{formatDateTime(account.createdAt)}</Fact>
    </dl>
  );
}
