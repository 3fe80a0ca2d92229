import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

// The cookies of the request being rendered, as next/headers would hand them to a server component.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
}));
const { readSessionClaims } = await import("@/lib/auth/session-claims");

const secret = "session-claims-test-secret-0123456789";
const sessionCookie = (token: string, name = "next-auth.session-token") => jar.set(name, token);

describe("the session cookie's claims, read for a page", () => {
  beforeEach(() => {
    jar.clear();
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("names the user and the session generation next-auth signed in", async () => {
    sessionCookie(await encode({ token: { sub: "user-1", sv: 3 }, secret }));
    expect(await readSessionClaims()).toEqual({ uid: "user-1", sv: 3 });
  });

  it("reads the __Secure- cookie when the portal is served over https, and only that one", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://portal.example.com");
    const token = await encode({ token: { sub: "user-2", sv: 1 }, secret });
    sessionCookie(token);
    expect(await readSessionClaims()).toBeNull();
    sessionCookie(token, "__Secure-next-auth.session-token");
    expect(await readSessionClaims()).toEqual({ uid: "user-2", sv: 1 });
  });

  it("signs nobody in without a cookie, with one sealed by another secret, or with a tampered one", async () => {
    expect(await readSessionClaims()).toBeNull();
    sessionCookie(await encode({ token: { sub: "user-1", sv: 1 }, secret: "someone-elses-secret-0123456789" }));
    expect(await readSessionClaims()).toBeNull();
    const token = await encode({ token: { sub: "user-1", sv: 1 }, secret });
    sessionCookie(token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA"));
    expect(await readSessionClaims()).toBeNull();
  });

  it("reads the sessions of a new secret, and no longer those of the old, once the secret is rotated", async () => {
    const old = await encode({ token: { sub: "user-1", sv: 1 }, secret });
    sessionCookie(old);
    expect(await readSessionClaims()).toEqual({ uid: "user-1", sv: 1 });
    const rotated = "session-claims-rotated-secret-9876543210";
    vi.stubEnv("NEXTAUTH_SECRET", rotated);
    expect(await readSessionClaims()).toBeNull();
    sessionCookie(await encode({ token: { sub: "user-3", sv: 2 }, secret: rotated }));
    expect(await readSessionClaims()).toEqual({ uid: "user-3", sv: 2 });
  });

  it("refuses a session past its expiry", async () => {
    sessionCookie(await encode({ token: { sub: "user-1", sv: 1 }, secret, maxAge: -60 }));
    expect(await readSessionClaims()).toBeNull();
  });

  it("refuses a token without the claims the portal signs in with", async () => {
    sessionCookie(await encode({ token: { sub: "user-1" }, secret }));
    expect(await readSessionClaims()).toBeNull();
    sessionCookie(await encode({ token: { sv: 1 }, secret }));
    expect(await readSessionClaims()).toBeNull();
  });
});
