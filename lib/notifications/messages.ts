import type { Alert, AlertEvent } from "@/db/schema";
import type { ChannelKind } from "./channel-input";

/** A webhook or Slack body (sent as JSON), or an email. */
export type OutgoingMessage = { json: Record<string, unknown> } | { subject: string; text: string };

export interface AlertNotice {
  tenant: string;
  alert: Pick<Alert, "id" | "title" | "severity" | "resource" | "value" | "openedAt">;
  event: Pick<AlertEvent, "transition" | "at">;
  /** Null when the system made the change. */
  actor: { id: string; name: string } | null;
}

const eventType = { open: "alert.opened", acknowledged: "alert.acknowledged", resolved: "alert.resolved" } as const;
const pastTense = { open: "opened", acknowledged: "acknowledged", resolved: "resolved" } as const;

export function alertsUrl(tenant: string, env: Partial<NodeJS.ProcessEnv> = process.env): string {
  const base = (env.ENCLAVE_PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/t/${encodeURIComponent(tenant)}/alerts`;
}

export function alertMessage(kind: ChannelKind, notice: AlertNotice): OutgoingMessage {
  const { tenant, alert, event, actor } = notice;
  const url = alertsUrl(tenant);
  const state = event.transition;
  if (kind === "webhook") {
    // state is the one this event moved the alert to, so a late or retried message stays true to its type.
    const body = {
      id: alert.id,
      title: alert.title,
      severity: alert.severity,
      state,
      resource: alert.resource,
      value: alert.value,
      openedAt: alert.openedAt.toISOString(),
      url,
    };
    return { json: { type: eventType[state], tenant, alert: body, at: event.at.toISOString(), actor } };
  }
  const by = actor ? ` by ${actor.name}` : state === "open" ? "" : " automatically";
  const where = alert.resource ? `, ${alert.resource}` : "";
  if (kind === "slack") {
    return {
      json: {
        text: `[${alert.severity.toUpperCase()}] ${slackEscape(alert.title)} — tenant ${slackEscape(tenant)}${slackEscape(where)}: ${pastTense[state]}${slackEscape(by)}. ${url}`,
      },
    };
  }
  const lines = [
    alert.title,
    "",
    `Tenant: ${tenant}`,
    `Severity: ${alert.severity}`,
    `State: ${pastTense[state]}${by} at ${event.at.toISOString()}`,
    alert.resource ? `Resource: ${alert.resource}` : null,
    alert.value !== null ? `Value: ${alert.value}` : null,
    `Opened: ${alert.openedAt.toISOString()}`,
    "",
    `See the tenant's alerts: ${url}`,
  ];
  return {
    subject: oneLine(`[Enclave] ${alert.severity.toUpperCase()} alert ${pastTense[state]}: ${alert.title} (${tenant})`),
    text: lines.filter((l) => l !== null).join("\n"),
  };
}

export function testMessage(kind: ChannelKind, input: { tenant: string; channel: string; at: Date }): OutgoingMessage {
  const url = alertsUrl(input.tenant);
  const sentence = `Test message from Enclave for tenant ${input.tenant}: the channel "${input.channel}" works.`;
  if (kind === "webhook")
    return {
      json: {
        type: "test",
        tenant: input.tenant,
        channel: input.channel,
        at: input.at.toISOString(),
        message: sentence,
        url,
      },
    };
  if (kind === "slack") return { json: { text: `${slackEscape(sentence)} ${url}` } };
  return {
    subject: oneLine(`[Enclave] Test message for ${input.tenant}`),
    text: `${sentence}\n\nAlerts will be sent here. See them at ${url}`,
  };
}

// Slack reads &, < and > as markup (links, mentions).
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
