import { createTransport } from "nodemailer";
import { OutboundRefusedError } from "@/lib/outbound/address-guard";
import { postJsonOutbound } from "@/lib/outbound/post-json";
import type { ChannelKind } from "./channel-input";
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
      : new DeliveryError(describeSendError(error, timeoutMs), { cause: error });
  }
};

export class DeliveryError extends Error {
  name = "DeliveryError";
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

/** Says what went wrong in words a person can act on, without repeating the URL (it may hold a token). */
export function describeSendError(error: unknown, timeoutMs: number): string {
  if (error instanceof DeliveryError || error instanceof OutboundRefusedError) return error.message;
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    responseCode?: number;
    response?: string;
    cause?: unknown;
  };
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || e?.code === "ETIMEDOUT")
    return `No answer within ${seconds(timeoutMs)} s.`;
  if (e?.responseCode === 535 || e?.code === "EAUTH")
    return "The mail server refused the portal's sign-in. Ask an administrator to check ENCLAVE_SMTP_URL.";
  if (e?.responseCode && e.response) return `The mail server refused the message: ${clip(e.response)}`;
  const code = systemCode(e?.cause) ?? systemCode(e);
  if (code) return `Could not connect: ${code}`;
  return `Could not send: ${clip(e?.message ?? String(error))}`;
}

function systemCode(error: unknown): string | undefined {
  if (error instanceof AggregateError && error.errors.length > 0) return systemCode(error.errors[0]);
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (
    typeof e?.code === "string" &&
    /^(E[A-Z]+|UND_ERR_\w+|ERR_TLS_\w+|[A-Z_]*CERT[A-Z_]*)$/.test(e.code) &&
    e.code !== "ESOCKET" &&
    e.code !== "ECONNECTION"
  )
    return e.code;
  // nodemailer replaces a socket error's code with its own (ESOCKET); the message keeps the original.
  return typeof e?.message === "string" ? e.message.match(/\b(E[A-Z]{3,})\b/)?.[1] : undefined;
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function clip(text: string): string {
  const safe = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "(the URL)")
    .replace(/\s+/g, " ")
    .trim();
  return safe.length > 200 ? `${safe.slice(0, 199)}…` : safe;
}
