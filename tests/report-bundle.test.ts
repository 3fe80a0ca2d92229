import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkChartSplitting,
  findChartChunks,
  firstLoadBundles,
  readPageEntries,
  routeOfPage,
} from "../scripts/report-bundle";

let dist: string;

const chunks = {
  "runtime.js": "var runtime='x'.repeat(10);".repeat(40),
  "layout.js": "export const layout=1;",
  "root-not-found.js": "export const rootNotFound=1;",
  "portal-not-found.js": "export const portalNotFound=1;",
  "tenants.js": `export const tenants=[${Array.from({ length: 300 }, (_, i) => (i * 7919) % 10007).join(",")}];`,
  "metrics.js": 'export const load=()=>import("/_next/static/chunks/charts.js");',
  "charts.js": 'const c="recharts-wrapper recharts-surface";'.repeat(20),
};

function write(file: string, content: string) {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
}

function clientManifest(pageKey: string, entries: Record<string, string[]>) {
  const manifest = { moduleLoading: { prefix: "" }, clientModules: {}, entryCSSFiles: {}, entryJSFiles: entries };
  return `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(pageKey)}] = ${JSON.stringify(manifest)};\n`;
}

const gz = (name: keyof typeof chunks) => gzipSync(chunks[name]).length;
const raw = (name: keyof typeof chunks) => Buffer.byteLength(chunks[name]);

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), "report-bundle-"));
  for (const [name, content] of Object.entries(chunks)) write(`static/chunks/${name}`, content);
  write("static/chunks/styles.css", ".a{color:red}");
  write(
    "build-manifest.json",
    JSON.stringify({ polyfillFiles: ["static/chunks/polyfills.js"], rootMainFiles: ["static/chunks/runtime.js"] }),
  );
  write("app-path-routes-manifest.json", JSON.stringify({ "/(portal)/tenants/(list)/page": "/tenants" }));
  write(
    "server/app/(portal)/tenants/(list)/page_client-reference-manifest.js",
    clientManifest("/(portal)/tenants/(list)/page", {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/not-found": ["static/chunks/layout.js", "static/chunks/root-not-found.js"],
      "[project]/app/(portal)/not-found": ["static/chunks/layout.js", "static/chunks/portal-not-found.js"],
      "[project]/app/(portal)/tenants/(list)/page": [
        "static/chunks/layout.js",
        "static/chunks/tenants.js",
        "static/chunks/styles.css",
      ],
    }),
  );
  write(
    "server/app/(portal)/t/[tenant]/metrics/page_client-reference-manifest.js",
    clientManifest("/(portal)/t/[tenant]/metrics/page", {
      "[project]/app/layout": ["static/chunks/layout.js"],
      "[project]/app/not-found": ["static/chunks/root-not-found.js"],
      "[project]/app/(portal)/t/[tenant]/metrics/page": ["static/chunks/metrics.js"],
    }),
  );
  write(
    "server/app/api/health/route_client-reference-manifest.js",
    clientManifest("/api/health/route", { "[project]/app/layout": ["static/chunks/layout.js"] }),
  );
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe("report-bundle", () => {
  it("names routes as URLs, from the routes manifest or by dropping groups", () => {
    expect(routeOfPage("/(portal)/tenants/(list)/page", { "/(portal)/tenants/(list)/page": "/tenants" })).toBe(
      "/tenants",
    );
    expect(routeOfPage("/(portal)/t/[tenant]/metrics/page")).toBe("/t/[tenant]/metrics");
    expect(routeOfPage("/(portal)/page")).toBe("/");
  });

  it("reads each page's segment chunks once, with only the innermost not-found, and ignores route handlers", () => {
    const pages = readPageEntries(dist);
    expect([...pages.keys()].sort()).toEqual(["/(portal)/t/[tenant]/metrics/page", "/(portal)/tenants/(list)/page"]);
    expect(pages.get("/(portal)/tenants/(list)/page")).toEqual([
      "static/chunks/layout.js",
      "static/chunks/portal-not-found.js",
      "static/chunks/tenants.js",
      "static/chunks/styles.css",
    ]);
    expect(pages.get("/(portal)/t/[tenant]/metrics/page")).toEqual([
      "static/chunks/layout.js",
      "static/chunks/root-not-found.js",
      "static/chunks/metrics.js",
    ]);
  });

  it("sums the root chunks and the route's own JavaScript, raw and gzip, heaviest first", () => {
    const bundles = firstLoadBundles(dist);
    expect(bundles.map((b) => b.route)).toEqual(["/tenants", "/t/[tenant]/metrics"]);
    const tenants = bundles.find((b) => b.route === "/tenants")!;
    expect(tenants.files).toEqual([
      "static/chunks/runtime.js",
      "static/chunks/layout.js",
      "static/chunks/portal-not-found.js",
      "static/chunks/tenants.js",
    ]);
    expect(tenants.rawBytes).toBe(
      raw("runtime.js") + raw("layout.js") + raw("portal-not-found.js") + raw("tenants.js"),
    );
    expect(tenants.gzipBytes).toBe(gz("runtime.js") + gz("layout.js") + gz("portal-not-found.js") + gz("tenants.js"));
  });

  it("passes when recharts is only reachable through a dynamic import", () => {
    expect(findChartChunks(dist)).toEqual(["static/chunks/charts.js"]);
    const check = checkChartSplitting(dist, firstLoadBundles(dist));
    expect(check.ok).toBe(true);
    expect(Object.fromEntries(check.routes.map((r) => [r.route, r.charts]))).toEqual({
      "/tenants": "none",
      "/t/[tenant]/metrics": "lazy",
    });
  });

  it("fails and names the route when recharts is in a first load", () => {
    const bundles = firstLoadBundles(dist).map((b) =>
      b.route === "/tenants" ? { ...b, files: [...b.files, "static/chunks/charts.js"] } : b,
    );
    const check = checkChartSplitting(dist, bundles);
    expect(check.ok).toBe(false);
    expect(check.leaks).toEqual(["/tenants"]);
  });

  it("fails when no chunk contains recharts at all, rather than passing vacuously", () => {
    expect(checkChartSplitting(dist, firstLoadBundles(dist), []).ok).toBe(false);
  });
});
