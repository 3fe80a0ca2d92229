const sessionCookie = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export type Me = { email: string; role: string; tenants: { name: string; status: string; access: string }[] };

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(";")[0]!);
}

/** next-auth credentials sign-in: csrf token and cookie, then the callback; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}.`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiePairs(csrf).join("; "),
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiePairs(response).filter((pair) => sessionCookie.test(pair.split("=")[0]!));
  if (session.length === 0) {
    const body = await response.text();
    throw new Error(
      `Sign-in as ${email} failed: HTTP ${response.status}, no session cookie (${body.slice(0, 200)}). Is the seed:scale password right?`,
    );
  }
  return session.join("; ");
}

export async function whoAmI(baseUrl: string, cookie: string): Promise<Me> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200)
    throw new Error(`GET /api/me with the new session answered ${response.status}: the session was not accepted.`);
  return (await response.json()) as Me;
}

/** One request as the bench will send it: anything but 200 stops the bench before it measures errors. */
export async function assertServes(baseUrl: string, path: string, cookie: string | undefined): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: cookie ? { cookie } : {},
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  await response.arrayBuffer();
  if (response.status === 200) return;
  const location = response.headers.get("location");
  const why = location?.includes("/login")
    ? " — redirected to sign-in: the session cookie was refused"
    : location
      ? ` → ${location}`
      : "";
  throw new Error(`Preflight GET ${path} answered ${response.status}${why}. Refusing to benchmark an error page.`);
}
