import { alertsAfter } from "@/lib/alerts/alert-queries";
import { changeAlert } from "@/lib/alerts/manage-alerts";
import { defineApiRoute } from "../define-route";
import { alertPath, changedAlert } from "../schemas/alerts";
import { toApiAlert } from "./alerts";

type AlertChange =
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/acknowledge" | "POST /api/v1/tenants/[tenant]/alerts/[alert]/resolve";

/** What the acknowledgeAlert and resolveAlert actions do, answered with the alert as it is now. */
const alertChange = (operation: AlertChange, to: "acknowledged" | "resolved", summary: string, description: string) =>
  defineApiRoute({
    operation,
    tag: "Alerts",
    summary,
    description,
    params: alertPath,
    response: changedAlert,
    errors: [403, 409, 422],
    async handle(ctx, { params }) {
      await changeAlert(ctx, params.alert, to);
      const [alert] = await alertsAfter(ctx.db, ctx.tenant.id, { state: "all", id: params.alert }, null, 1);
      return { alert: toApiAlert(alert!) };
    },
  });

export const acknowledgeAlert = alertChange(
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/acknowledge",
  "acknowledged",
  "Acknowledge an alert",
  "Someone is on it: an open alert becomes acknowledged. 409 when it is no longer open.",
);

export const resolveAlert = alertChange(
  "POST /api/v1/tenants/[tenant]/alerts/[alert]/resolve",
  "resolved",
  "Resolve an alert",
  "An open or acknowledged alert becomes resolved. 409 when it is resolved already.",
);
