import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/api/same-origin";

const request = (headers: Record<string, string>) =>
  new Request("http://portal.test/api/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts a request whose Origin (or Referer) is the portal itself", () => {
    expect(isSameOrigin(request({ host: "portal.test", origin: "http://portal.test" }))).toBe(true);
    expect(isSameOrigin(request({ host: "portal.test", referer: "http://portal.test/t/dev" }))).toBe(true);
    expect(
      isSameOrigin(
        request({ host: "internal:3000", "x-forwarded-host": "portal.test", origin: "https://portal.test" }),
      ),
    ).toBe(true);
  });

  it("refuses another origin, a missing origin and garbage", () => {
    expect(isSameOrigin(request({ host: "portal.test", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ host: "portal.test", origin: "http://portal.test.evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ host: "portal.test" }))).toBe(false);
    expect(isSameOrigin(request({ host: "portal.test", origin: "null" }))).toBe(false);
  });
});
