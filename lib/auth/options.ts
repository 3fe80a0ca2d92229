import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { log } from "@/lib/observability/logger";
import { authenticateWithPassword, signInInput } from "./credentials";
import { oidcProvider, readOidcConfig } from "./oidc-config";
import { signInErrorCode } from "./sign-in-errors";
import { findSsoUser, signInWithSso, ssoIdentityFromClaims } from "./sso";

const oidc = readOidcConfig();

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  return null;
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInInput.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(signInErrorCode({ reason: "invalid" }));
        const result = await authenticateWithPassword(await getDb(), parsed.data, clientIp(req?.headers));
        if (!result.ok) throw new Error(signInErrorCode(result));
        return { id: result.user.id, sessionVersion: result.user.sessionVersion };
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    // An SSO sign-in is refused back to the login page with a code, or maps the IdP identity to a user.
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc" || !oidc) return true;
      const identity = ssoIdentityFromClaims({ ...profile }, oidc.groupsClaim);
      if (!identity) return "/login?error=OAuthCallback";
      try {
        const result = await signInWithSso(await getDb(), identity);
        return result.ok ? true : `/login?error=${result.code}`;
      } catch (error) {
        // next-auth would put the message in the URL; log it here and show a generic one.
        log.error("SSO sign-in failed", { event: "sso.sign_in_failed", error });
        return "/login?error=Callback";
      }
    },
    // The token carries who and which session generation; role and grants are read per request.
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        const claims = profile as { iss?: string; sub?: string } | undefined;
        const ssoUser =
          claims?.iss && claims.sub
            ? await findSsoUser(await getDb(), { issuer: claims.iss, subject: claims.sub })
            : null;
        if (!ssoUser) throw new Error("The signed-in SSO identity has no user.");
        token.sub = ssoUser.id;
        token.sv = ssoUser.sessionVersion;
      } else if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return { sub: token.sub, sv: token.sv, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    async session({ session, token }) {
      return { expires: session.expires, uid: token.sub, sv: token.sv } as never;
    },
    async redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
  },
};

/** Only same-origin destinations; anything else lands on the portal's home. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {}
  return baseUrl;
}
