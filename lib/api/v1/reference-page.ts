import { ApiReference } from "@scalar/nextjs-api-reference";

/** Where the page loads the reference's script from: the portal itself (no CDN is reachable). */
export const referenceScriptPath = "/api-reference/scalar.js";

const page = ApiReference({
  url: "/api/v1/openapi.json",
  cdn: referenceScriptPath,
  pageTitle: "Enclave API reference",
  authentication: { preferredSecurityScheme: "bearerToken" },
  // Everything that would reach scalar.com (fonts, its hosted client, sharing, telemetry) stays off.
  withDefaultFonts: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  telemetry: false,
});

/**
 * The Scalar reference page, its two scripts carrying this response's CSP nonce (the portal's CSP
 * runs only scripts with it: `'strict-dynamic'` ignores 'self').
 */
export async function referencePage(nonce: string | null): Promise<Response> {
  const html = await page().text();
  const withNonce = nonce ? html.replaceAll("<script", `<script nonce="${nonce}"`) : html;
  return new Response(withNonce, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
