import { createTransport } from "nodemailer";
import { postJsonOutbound } from "@/lib/outbound/post-json";
import type { ChannelKind } from "./channel-input";
import { describeSendError, DeliveryError } from "./describe-send-error";
import type { OutgoingMessage } from "./messages";

export type ChannelAddress = { kind: ChannelKind; target: string };
/** Resolves once the receiver took the message; rejects with an error whose message a person can act on. */
export type SendMessage = (channel: ChannelAddress, message: OutgoingMessage, timeoutMs: number) => Promise<void>;

export const sendMessage: SendMessage = async (channel, message, timeoutMs) => {
  try {
    if ("json" in message) await postJson(channel.target, message.json, timeoutMs);
    else await sendEmail(channel.target, message, timeoutMs);
  } catch (error) {
    throw error instanceof DeliveryError
      ? error
      : new DeliveryError(describeSendError(error, timeoutMs, receiverOf(channel)), { cause: error });
  }
};

/** Who the portal tried to reach, as a person would name it: the webhook's host, or the mail server's. */
function receiverOf(channel: ChannelAddress): string | undefined {
  try {
    if (channel.kind !== "email") return new URL(channel.target).host;
    return process.env.ENCLAVE_SMTP_URL ? `the mail server ${new URL(process.env.ENCLAVE_SMTP_URL).host}` : undefined;
  } catch {
    return undefined;
  }
}

async function postJson(url: string, body: Record<string, unknown>, timeoutMs: number) {
  const status = await postJsonOutbound(url, body, { timeoutMs, headers: { "user-agent": "Enclave-Notifier" } });
  if (status < 200 || status > 299) throw new DeliveryError(`The receiver answered HTTP ${status}.`);
}

async function sendEmail(to: string, message: { subject: string; text: string }, timeoutMs: number) {
  const url = process.env.ENCLAVE_SMTP_URL;
  if (!url) throw new DeliveryError("Email is not set up on this portal: ENCLAVE_SMTP_URL is not set.");
  const transport = createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  let timer: NodeJS.Timeout | undefined;
  // The socket timeout is per silence; this bounds the whole conversation.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })), timeoutMs);
  });
  try {
    await Promise.race([
      transport.sendMail({
        from: process.env.ENCLAVE_SMTP_FROM ?? "enclave@localhost",
        to,
        subject: message.subject,
        text: message.text,
      }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
