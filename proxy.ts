import { NextResponse, type NextRequest } from "next/server";

// Only a redirect for visitors without a session cookie: authorization happens at the data.
const sessionCookies = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const login = new URL("/login", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") login.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|login|_next/|favicon.ico|.*\\.(?:png|svg|ico)$).*)"],
};
