import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { OutboundRefusedError } from "@/lib/outbound/address-guard";
import { resolvePublicAddresses } from "@/lib/outbound/resolve-host";

export const channelKinds = ["webhook", "slack", "email"] as const;
export type ChannelKind = (typeof channelKinds)[number];

const targetMessages: Record<ChannelKind, string> = {
  webhook: "Give the webhook's URL, starting with https:// or http://.",
  slack:
    "Give the incoming-webhook URL from Slack or a Slack-compatible chat (Mattermost, Rocket.Chat …), starting with https:// or http://.",
  email: "Give an email address such as ops@example.com.",
};
const emailOff =
  "Email channels need the portal's mail server, which is not set up. Ask an administrator, or use a webhook or Slack channel.";

export function smtpConfigured(env: Partial<NodeJS.ProcessEnv> = process.env): boolean {
  return Boolean(env.ENCLAVE_SMTP_URL);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const isEmail = (value: string) => z.email().safeParse(value).success;

/** Why the portal will not send to this URL's host, or null; deliveries check again on the address they connect to. */
async function hostProblem(target: string): Promise<string | null> {
  const { hostname } = new URL(target);
  try {
    await resolvePublicAddresses(hostname);
    return null;
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      return `This address points inside the portal's own network (${error.reason}); give a public URL.`;
    return `Could not find host ${hostname}. Check the URL for typos.`;
  }
}

export const createChannelInput = z
  .object({
    tenant: tenantRef,
    name: z
      .string({ error: "Give the channel a name." })
      .trim()
      .min(1, "Give the channel a name.")
      .max(60, "A channel name has at most 60 characters."),
    kind: z.enum(channelKinds, { error: "Choose a webhook, Slack or email channel." }),
    target: z
      .string({ error: "Give the channel's URL or address." })
      .trim()
      .max(2000, "That is too long for a URL or an address."),
  })
  // Asynchronous (the host is looked up): parse with safeParseAsync.
  .superRefine(async (input, ctx) => {
    // Read when parsing, not when loading the module, so the setting can change without a rebuild.
    if (input.kind === "email" && !smtpConfigured()) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: emailOff });
      return;
    }
    const valid = input.kind === "email" ? isEmail(input.target) : isHttpUrl(input.target);
    if (!valid) return ctx.addIssue({ code: "custom", path: ["target"], message: targetMessages[input.kind] });
    const problem = input.kind === "email" ? null : await hostProblem(input.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
  });
export type CreateChannelInput = z.infer<typeof createChannelInput>;

export const channelIdInput = z.object({ tenant: tenantRef, channelId: z.uuid("Choose a channel.") });
export type ChannelIdInput = z.infer<typeof channelIdInput>;

export const setChannelEnabledInput = channelIdInput.extend({ enabled: z.boolean({ error: "Choose on or off." }) });
export type SetChannelEnabledInput = z.infer<typeof setChannelEnabledInput>;
