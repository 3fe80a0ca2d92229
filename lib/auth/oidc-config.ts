import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { log } from "@/lib/observability/logger";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  groupsClaim: string;
  displayName: string;
  scope: string;
}

type OidcClaims = { sub: string; name?: string; email?: string };

/** SSO settings from the environment; null (SSO off) when OIDC_ISSUER is unset or the client is incomplete. */
export function readOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim().replace(/\/+$/, "");
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    warnOnce("SSO is off: OIDC_ISSUER is set but OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is missing.");
    return null;
  }
  return {
    issuer,
    clientId,
    clientSecret,
    groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || "groups",
    displayName: env.OIDC_DISPLAY_NAME?.trim() || "SSO",
    scope: env.OIDC_SCOPES?.trim() || "openid email profile",
  };
}

/** next-auth's generic OpenID Connect client for any issuer; the id_token's claims are the profile. */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcClaims> {
  return {
    id: "oidc",
    name: config.displayName,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    checks: ["pkce", "state"],
    idToken: true,
    profile(claims) {
      return {
        id: claims.sub,
        name: claims.name ?? claims.email ?? claims.sub,
        email: claims.email ?? null,
        image: null,
      };
    },
  };
}

let warned = false;
function warnOnce(message: string) {
  if (warned) return;
  warned = true;
  log.error(message);
}
