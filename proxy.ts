import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, hsts, staticSecurityHeaders } from "@/lib/security/content-security-policy";

// Only headers and a redirect for visitors without a session cookie: authorization happens at the data.
const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const openPaths = /^\/(login|api)(\/|$)/;

function isHttps(request: NextRequest): boolean {
  return (
    request.headers.get("x-forwarded-proto") === "https" ||
    request.nextUrl.protocol === "https:" ||
    !!process.env.NEXTAUTH_URL?.startsWith("https:")
  );
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!openPaths.test(pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  const nonce = btoa(crypto.randomUUID());
  const https = isHttps(request);
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const header of https ? [...staticSecurityHeaders, hsts] : staticSecurityHeaders)
    response.headers.set(header.key, header.value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|icon-512.png|apple-touch-icon.png).*)" }],
};
