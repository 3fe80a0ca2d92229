import type { SsoRefusal } from "./sso";

// Shared by the server (which throws the code) and the login form (which shows the message).
export type SignInFailure = { reason: "invalid" } | { reason: "paused" | "address_paused"; retryAfterSeconds: number };

export function signInErrorCode(failure: SignInFailure): string {
  return failure.reason === "invalid" ? "invalid" : `${failure.reason}:${failure.retryAfterSeconds}`;
}

const ssoFailed = "Single sign-on did not complete. Try again; if it keeps failing, ask an administrator.";

const ssoRefusals: Record<SsoRefusal, string> = {
  sso_email_taken:
    "An account with this email already exists. Ask an administrator to link it to your single sign-on identity.",
  sso_email_unverified:
    "Your identity provider has not verified your email address. Verify it there, then sign in again.",
  sso_email_missing:
    "Your identity provider did not share an email address. Ask an administrator to check the SSO settings.",
  sso_disabled: "This account has been disabled. Ask an administrator if you still need access.",
};

// The SSO refusals above, then next-auth's own error codes.
const messages: Record<string, string> = {
  ...ssoRefusals,
  SessionRequired: "Please sign in to continue.",
  AccessDenied: "You are not allowed to sign in.",
  OAuthSignin: ssoFailed,
  OAuthCallback: ssoFailed,
  OAuthCreateAccount: ssoFailed,
  OAuthAccountNotLinked: ssoFailed,
  Callback: ssoFailed,
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const paused = /^(address_)?paused:(\d+)$/.exec(code);
  if (paused) {
    const seconds = Number(paused[2]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    const from = paused[1] ? " from your network" : "";
    return `Too many failed sign-in attempts${from}. Try again in ${wait}.`;
  }
  if (Object.hasOwn(messages, code)) return messages[code]!;
  return "Email or password is incorrect.";
}
