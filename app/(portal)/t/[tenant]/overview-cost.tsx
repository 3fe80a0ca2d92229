import Link from "next/link";
import { getDb } from "@/db";
import { tenantCostSummary } from "@/lib/billing/cost-queries";
import { formatUsd } from "@/components/format";

/** This month's cost and forecast: streamed, since it sums the month's rows. */
export async function OverviewCost({ tenant }: { tenant: { id: string; name: string } }) {
  const cost = await tenantCostSummary(await getDb(), tenant.id, new Date().toISOString().slice(0, 10));
  return (
    <>
      <Link className="hover:underline" href={`/t/${tenant.name}/billing`}>
        {formatUsd(cost.monthToDate)}
      </Link>
      <span className="block text-xs font-normal text-slate-500">forecast {formatUsd(cost.forecast)}</span>
    </>
  );
}
