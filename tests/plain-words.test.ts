import { describe, expect, it } from "vitest";
import { describeSendError } from "@/lib/notifications/describe-send-error";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { kindLabel } from "@/lib/words/kind-labels";
import { metricLabel } from "@/lib/words/metric-labels";

const event = (action: string, target: string | null, details: Record<string, unknown> = {}, tenant = "stage") => ({
  action,
  target,
  details,
  tenant,
});

describe("plain words", () => {
  it("names kinds and metrics as a person reads them", () => {
    expect(["iam_role", "kms_alias", "kms_key", "load_balancer"].map(kindLabel)).toEqual([
      "IAM role",
      "KMS alias",
      "KMS key",
      "Load balancer",
    ]);
    expect(kindLabel("something_new")).toBe("Something new");
    expect(["network_in", "cpu"].map(metricLabel)).toEqual(["Network in", "CPU"]);
  });

  it("tells an audit event as a sentence, and one it does not know by its words", () => {
    expect(describeAuditEvent(event("grant.set", "alice@enclave.local", { level: "write", expiresAt: null }))).toBe(
      "Granted write on stage to alice@enclave.local",
    );
    expect(describeAuditEvent(event("budget.set", "stage", { monthlyAmount: 1200 }))).toBe(
      "Set the budget of stage to $1,200.00 a month",
    );
    expect(describeAuditEvent(event("network_rule.add", "tenant dev", { protocol: "tcp", fromPort: 443 }))).toBe(
      "Allowed tenant dev to reach stage on tcp port 443",
    );
    expect(describeAuditEvent(event("widget.frobbed", "w1"))).toBe("Widget frobbed: w1");
  });

  it("says which host failed a send, and how", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(describeSendError(refused, 5_000, "hooks.example.com")).toMatch(
      /^Could not connect to hooks.example.com: nothing accepted the connection/,
    );
    const unknown = Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    expect(describeSendError(unknown, 5_000, "hoks.example.com")).toBe(
      "Could not find the host hoks.example.com. Check the address for typos.",
    );
    const timeout = Object.assign(new Error("aborted"), { name: "TimeoutError" });
    expect(describeSendError(timeout, 5_000, "hooks.example.com")).toBe("No answer from hooks.example.com within 5 s.");
  });
});
