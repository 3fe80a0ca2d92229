// Shared by the server (which throws the code) and the login form (which shows the message).
export type SignInFailure = { reason: "invalid" } | { reason: "paused"; retryAfterSeconds: number };

export function signInErrorCode(failure: SignInFailure): string {
  return failure.reason === "paused" ? `paused:${failure.retryAfterSeconds}` : "invalid";
}

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const paused = /^paused:(\d+)$/.exec(code);
  if (paused) {
    const seconds = Number(paused[1]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    return `Too many failed sign-in attempts. Try again in ${wait}.`;
  }
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Email or password is incorrect.";
}
