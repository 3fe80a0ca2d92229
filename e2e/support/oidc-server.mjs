#!/usr/bin/env node
// A real OpenID Connect provider (oidc-provider) for the end-to-end SSO tests only. Its
// development login form takes any login as the account id. PUT /test/accounts/:id with
// JSON {email, email_verified, name, groups} sets what that account's next id_token says.
import { createServer } from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 3108);
const issuer = `http://127.0.0.1:${port}`;
const client = {
  client_id: process.env.OIDC_TEST_CLIENT_ID ?? "enclave-e2e",
  client_secret: process.env.OIDC_TEST_CLIENT_SECRET ?? "enclave-e2e-client-secret",
  redirect_uris: [process.env.OIDC_TEST_REDIRECT_URI ?? "http://localhost:3107/api/auth/callback/oidc"],
  grant_types: ["authorization_code"],
  response_types: ["code"],
};

const accounts = new Map();
const accountOf = (id) => accounts.get(id) ?? { email: `${id}@sso.test`, email_verified: true, name: id, groups: [] };

const provider = new Provider(issuer, {
  clients: [client],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Puts the scopes' claims in the id_token, which next-auth reads as the profile.
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...accountOf(id) }) }),
  cookies: { keys: ["e2e-only-oidc-cookie-key"] },
  features: { devInteractions: { enabled: true } },
});

const handleOidc = provider.callback();

async function putAccount(id, req, res) {
  let body = "";
  for await (const chunk of req) body += chunk;
  try {
    const { email, email_verified = true, name = id, groups = [] } = JSON.parse(body);
    if (typeof email !== "string" || !Array.isArray(groups))
      throw new Error("email (string) and groups (array) are required");
    accounts.set(id, { email, email_verified, name, groups });
    res.writeHead(204).end();
  } catch (error) {
    res.writeHead(400, { "content-type": "text/plain" }).end(String(error instanceof Error ? error.message : error));
  }
}

createServer((req, res) => {
  const account = /^\/test\/accounts\/([^/?]+)$/.exec(req.url ?? "");
  if (account && req.method === "PUT") return void putAccount(decodeURIComponent(account[1]), req, res);
  handleOidc(req, res);
}).listen(port, "127.0.0.1", () => console.log(`Test OpenID Connect provider at ${issuer}`));
