import { describe, expect, it } from "vitest";
import { safeRedirect } from "@/lib/auth/options";

const baseUrl = "https://portal.example.com";

describe("safeRedirect", () => {
  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://portal.example.com.evil.example/t/dev",
  ])("sends %s back to the portal home", (url) => {
    expect(safeRedirect(url, baseUrl)).toBe(baseUrl);
  });

  it("keeps a path on the portal", () => {
    expect(safeRedirect("/t/dev", baseUrl)).toBe(`${baseUrl}/t/dev`);
  });

  it("keeps an absolute URL on the portal's own origin", () => {
    expect(safeRedirect(`${baseUrl}/t/dev?tab=access`, baseUrl)).toBe(`${baseUrl}/t/dev?tab=access`);
  });

  it("treats an unparseable destination as the portal home", () => {
    expect(safeRedirect("not a url", baseUrl)).toBe(baseUrl);
  });
});
