import { OutboundRefusedError } from "@/lib/outbound/address-guard";

export class DeliveryError extends Error {
  name = "DeliveryError";
}

type SendFailure = {
  name?: string;
  code?: string;
  message?: string;
  responseCode?: number;
  response?: string;
  cause?: unknown;
};

// What a connection error means, for a person who can fix the address or the receiver.
const connectionWords: Record<string, (host: string) => string> = {
  ECONNREFUSED: (host) =>
    `Could not connect to ${host}: nothing accepted the connection there. Check the port and that the receiver is running.`,
  ENOTFOUND: (host) => `Could not find the host ${host}. Check the address for typos.`,
  EAI_AGAIN: (host) => `Could not look up the host ${host} just now. Try again in a minute.`,
  ECONNRESET: (host) => `${host} closed the connection before answering.`,
  EHOSTUNREACH: (host) => `Could not reach ${host}: there is no route to it from the portal.`,
  ENETUNREACH: (host) => `Could not reach ${host}: there is no route to it from the portal.`,
};

/**
 * Says what went wrong in words a person can act on — which host, and what it did — without
 * repeating the URL (it may hold a token).
 */
export function describeSendError(error: unknown, timeoutMs: number, receiver = "the receiver"): string {
  if (error instanceof DeliveryError || error instanceof OutboundRefusedError) return error.message;
  const e = error as SendFailure;
  if (e?.name === "TimeoutError" || e?.name === "AbortError" || e?.code === "ETIMEDOUT")
    return `No answer from ${receiver} within ${seconds(timeoutMs)} s.`;
  if (e?.responseCode === 535 || e?.code === "EAUTH")
    return "The mail server refused the portal's sign-in. Ask an administrator to check ENCLAVE_SMTP_URL.";
  if (e?.responseCode && e.response) return `The mail server refused the message: ${clip(e.response)}`;
  const code = systemCode(e?.cause) ?? systemCode(e);
  if (code && connectionWords[code]) return connectionWords[code](receiver);
  if (code && /CERT|TLS/.test(code)) return `The TLS certificate of ${receiver} was not accepted (${code}).`;
  if (code) return `Could not connect to ${receiver} (${code}).`;
  return `Could not send to ${receiver}: ${clip(e?.message ?? String(error))}`;
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
