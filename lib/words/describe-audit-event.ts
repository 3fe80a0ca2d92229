import { metricLabel } from "./metric-labels";

export type AuditEventFacts = {
  action: string;
  target: string | null;
  tenant: string | null;
  details: Record<string, unknown> | null;
};

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

type Describe = (target: string, on: string, d: Record<string, unknown>) => string;

const ports = (d: Record<string, unknown>) =>
  d.fromPort == null
    ? "all ports"
    : d.toPort && d.toPort !== d.fromPort
      ? `ports ${d.fromPort}–${d.toPort}`
      : `port ${d.fromPort}`;

const sentences: Record<string, Describe> = {
  "grant.set": (t, on, d) =>
    `Granted ${d.level} on ${on} to ${t}${d.expiresAt ? ` until ${String(d.expiresAt).slice(0, 10)}` : ""}`,
  "grant.revoke": (t, on, d) => `Revoked ${d.level ?? "access"} on ${on} from ${t}`,
  "user.create": (t, _, d) => `Created ${d.role ?? "user"} ${t}`,
  "user.role": (t, _, d) => `Changed the role of ${t} from ${d.from} to ${d.to}`,
  "user.disable": (t) => `Disabled ${t}`,
  "user.enable": (t) => `Enabled ${t}`,
  "user.password_reset": (t) => `Reset the password of ${t}`,
  "user.sign_out_everywhere": (t) => `Signed ${t} out everywhere`,
  "account.password": (t) => `${t} changed their password`,
  "account.profile": (t) => `${t} changed their profile`,
  "sso.user_created": (t) => `${t} signed in with SSO for the first time`,
  "sso.email_changed": (t, _, d) => `The SSO email of ${d.from} changed to ${t}`,
  "sso.group_sync": (t) => `Applied SSO group mappings to ${t}`,
  "group_mapping.create": (t, _, d) =>
    `Mapped SSO group ${t} to ${d.tenant ? `${d.level} on ${d.tenant}` : `role ${d.role}`}`,
  "group_mapping.delete": (t) => `Removed the mapping of SSO group ${t}`,
  "tenant.create": (t) => `Created tenant ${t}`,
  "tenant.settings": (t) => `Changed the settings of ${t}`,
  "tenant.delete_requested": (t) => `Asked to delete tenant ${t}`,
  "tenant.expired": (t) => `Tenant ${t} expired and is being deleted`,
  "tenant.provision_retry": (t) => `Retried provisioning ${t}`,
  "tenant.pem_download": (t) => `Downloaded the PEM key of ${t}`,
  "database.password_revealed": (t, on) => `Revealed the password of ${t} in ${on}`,
  "tenant.favorite": (t) => `Starred ${t}`,
  "tenant.unfavorite": (t) => `Unstarred ${t}`,
  "resource.create_requested": (t, on) => `Asked to create ${t} in ${on}`,
  "resource.delete_requested": (t, on) => `Asked to delete ${t} from ${on}`,
  "network_rule.add": (t, on, d) =>
    `Allowed ${t} to reach ${on} on ${String(d.protocol ?? "")} ${ports(d)}`.replace("  ", " "),
  "network_rule.remove": (t, on) => `Removed the rule letting ${t} reach ${on}`,
  "alert.acknowledged": (t) => `Acknowledged the alert “${t}”`,
  "alert.resolved": (t) => `Resolved the alert “${t}”`,
  "alert_rule.created": (t, _, d) => `Added the alert rule “${t}” on ${metricLabel(String(d.metric ?? ""))}`,
  "alert_rule.deleted": (t) => `Deleted the alert rule “${t}”`,
  "channel.created": (t, _, d) => `Added the ${d.kind ?? ""} channel “${t}”`.replace("  ", " "),
  "channel.deleted": (t) => `Deleted the channel “${t}”`,
  "channel.tested": (t, _, d) =>
    d.ok ? `Sent a test message to “${t}”` : `A test message to “${t}” failed: ${d.error}`,
  "budget.set": (_, on, d) => `Set the budget of ${on} to ${usd.format(Number(d.monthlyAmount))} a month`,
  "budget.removed": (_, on) => `Removed the budget of ${on}`,
  "token.created": (t, _, d) =>
    `Created the ${d.scope ? `${d.scope} ` : ""}access token “${t}”` +
    (d.owner ? ` for ${d.owner}` : "") +
    (d.via ? ` from the ${d.via}` : ""),
  "token.revoked": (t, _, d) => `Revoked the access token “${t}”${d.owner ? ` of ${d.owner}` : ""}`,
  "service_account.created": (t, _, d) => `Created the service account ${t}${d.role ? ` (${d.role})` : ""}`,
  "infrastructure.register": (t, _, d) => `Registered infrastructure ${t} (${d.driver}, ${d.region})`,
  "demo.seed": () => "Created the demo tenants and accounts",
  "share.requested": (t, _, d) => `${d.grantee} asked ${d.owner} for ${d.access} access to ${t}`,
  "share.approved": (t, _, d) => `Approved ${d.grantee}'s ${d.access} access to ${t} of ${d.owner}`,
  "share.declined": (t, _, d) => `Declined ${d.grantee}'s request for ${t} of ${d.owner}`,
  "share.created": (t, _, d) => `Shared ${t} of ${d.owner} with ${d.grantee} for ${d.access}`,
  "share.granted": (t, _, d) => `${d.grantee} now has ${d.access} access to ${t} of ${d.owner}`,
  "share.revoked": (t, _, d) =>
    `Revoked ${d.grantee}'s access to ${t} of ${d.owner}${d.reason ? ` (${d.reason})` : ""}`,
  "share.removed": (t, _, d) => `Removed ${d.grantee}'s access to ${t} of ${d.owner} from the cloud`,
};

/** An audit event as a sentence a person reads: "Granted write on stage to alice@…", not `grant.set {…}`. */
export function describeAuditEvent(event: AuditEventFacts): string {
  const target = event.target ?? "";
  const on = event.tenant ?? target;
  const describe = sentences[event.action];
  if (describe) return describe(target, on, event.details ?? {});
  const [noun = "", verb = ""] = event.action.replace(/_/g, " ").split(".");
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${verb}${target ? `: ${target}` : ""}`.trim();
}
