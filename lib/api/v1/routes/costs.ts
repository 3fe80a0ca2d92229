import { billingMonth, firstBillingMonth } from "@/lib/billing/billing-month";
import { monthByService } from "@/lib/billing/cost-queries";
import { cents } from "@/lib/billing/forecast";
import { InvalidInputError } from "@/lib/errors";
import { defineApiRoute } from "../define-route";
import { costsQuery, monthCosts } from "../schemas/costs";

export const getCosts = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/costs",
  tag: "Billing",
  summary: "A month's cost by service",
  description: "Everything carrying the tenant's tag, as the last cost sync read it; amounts in USD, to the cent.",
  query: costsQuery,
  response: monthCosts,
  async handle({ db, tenant }, { query }) {
    const chosen = billingMonth(query.month, firstBillingMonth(tenant));
    if (!chosen.ok) throw new InvalidInputError(chosen.error, "query.month");
    const services = (await monthByService(db, tenant.id, chosen.month)).map(({ service, amount }) => ({
      service,
      amount: cents(amount),
    }));
    const total = cents(services.reduce((sum, s) => sum + s.amount, 0));
    return { month: chosen.month, currency: "USD" as const, total, services };
  },
});
