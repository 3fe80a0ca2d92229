// npm run report:bundle — first-load JavaScript per page of the last `npm run build`, and whether recharts stays lazy
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { printResults } from "../bench/report";

export type RouteBundle = { route: string; files: string[]; rawBytes: number; gzipBytes: number };
export type ChartUse = "eager" | "lazy" | "none";
export type ChartCheck = {
  chartChunks: string[];
  routes: { route: string; charts: ChartUse }[];
  leaks: string[];
  ok: boolean;
};

/** Recharts stamps these class names into its code; minifiers keep string literals. */
const chartMarker = "recharts-wrapper";

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

function findFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, suffix);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** "/(portal)/tenants/(list)/page" → "/tenants", the URL a person types. */
export function routeOfPage(pageKey: string, appPathRoutes: Record<string, string> = {}): string {
  const known = appPathRoutes[pageKey];
  if (known) return known;
  const route = pageKey.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "");
  return route || "/";
}

/** Each app page's own JavaScript: its segments (layouts, boundaries, page) in its client reference manifest. */
export function readPageEntries(distDir: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const file of findFiles(path.join(distDir, "server", "app"), "page_client-reference-manifest.js")) {
    const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    runInNewContext(readFileSync(file, "utf8"), context);
    for (const [pageKey, manifest] of Object.entries(context.__RSC_MANIFEST ?? {})) {
      const segments = Object.entries(manifest.entryJSFiles ?? {});
      // Only the innermost not-found boundary reaches the page (checked against served HTML).
      const notFound = segments
        .map(([segment]) => segment)
        .filter((s) => s.endsWith("/not-found"))
        .sort((a, b) => b.length - a.length);
      const files = segments.filter(([segment]) => !notFound.slice(1).includes(segment)).flatMap(([, files]) => files);
      pages.set(pageKey, [...new Set(files)]);
    }
  }
  return pages;
}

/** The bytes a browser downloads for a file, raw and gzip-compressed (zlib default level). */
export function fileSizes(distDir: string, file: string): { raw: number; gzip: number } {
  const content = readFileSync(path.join(distDir, file));
  return { raw: content.length, gzip: gzipSync(content).length };
}

/** First-load JS per page route (the shared root chunks plus the route's own), heaviest first. */
export function firstLoadBundles(distDir: string): RouteBundle[] {
  const buildManifest = readJson<{ rootMainFiles?: string[] }>(path.join(distDir, "build-manifest.json"));
  const routesFile = path.join(distDir, "app-path-routes-manifest.json");
  const appPathRoutes = existsSync(routesFile) ? readJson<Record<string, string>>(routesFile) : {};
  const pages = readPageEntries(distDir);
  if (pages.size === 0)
    throw new Error(
      `No page_client-reference-manifest.js under ${path.join(distDir, "server", "app")}: run \`npm run build\` first.`,
    );
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => sizes.get(file) ?? sizes.set(file, fileSizes(distDir, file)).get(file)!;
  const bundles = [...pages].map(([pageKey, own]) => {
    const files = [...new Set([...(buildManifest.rootMainFiles ?? []), ...own])].filter((f) => f.endsWith(".js"));
    return {
      route: routeOfPage(pageKey, appPathRoutes),
      files,
      rawBytes: files.reduce((sum, f) => sum + sizeOf(f).raw, 0),
      gzipBytes: files.reduce((sum, f) => sum + sizeOf(f).gzip, 0),
    };
  });
  return bundles.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

/** Chunks (relative to distDir) that contain recharts itself. */
export function findChartChunks(distDir: string, marker = chartMarker): string[] {
  return findFiles(path.join(distDir, "static"), ".js")
    .filter((file) => readFileSync(file, "utf8").includes(marker))
    .map((file) => path.relative(distDir, file).split(path.sep).join("/"));
}

/**
 * Every chart goes through next/dynamic, so recharts belongs in no first load: a route shows charts
 * when one of its own chunks names a recharts chunk (lazy); a recharts chunk in the first load is a leak.
 */
export function checkChartSplitting(
  distDir: string,
  bundles: RouteBundle[],
  chartChunks = findChartChunks(distDir),
): ChartCheck {
  const rootFiles = new Set(
    readJson<{ rootMainFiles?: string[] }>(path.join(distDir, "build-manifest.json")).rootMainFiles ?? [],
  );
  const chartNames = chartChunks.map((f) => path.posix.basename(f));
  const loaders = new Map<string, boolean>();
  const isLoader = (file: string) => {
    if (!loaders.has(file))
      loaders.set(
        file,
        !rootFiles.has(file) &&
          !chartChunks.includes(file) &&
          chartNames.some((name) => readFileSync(path.join(distDir, file), "utf8").includes(name)),
      );
    return loaders.get(file)!;
  };
  const routes = bundles.map(({ route, files }) => ({
    route,
    charts: (files.some((f) => chartChunks.includes(f)) ? "eager" : files.some(isLoader) ? "lazy" : "none") as ChartUse,
  }));
  const leaks = routes.filter((r) => r.charts === "eager").map((r) => r.route);
  return { chartChunks, routes, leaks, ok: chartChunks.length > 0 && leaks.length === 0 };
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function main(): void {
  const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
  const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 200);
  if (!existsSync(path.join(distDir, "build-manifest.json"))) {
    console.error(`No build in ${distDir}: run \`npm run build\` first.`);
    process.exit(2);
  }
  const bundles = firstLoadBundles(distDir);
  const check = checkChartSplitting(distDir, bundles);
  const charts = new Map(check.routes.map((r) => [r.route, r.charts]));
  const over = bundles.filter((b) => b.gzipBytes > budgetKb * 1000);
  printResults(
    `first-load JavaScript per route (kB = 1000 bytes; gzip at zlib's default level; budget ${budgetKb} kB gzip)`,
    bundles.map((b) => ({
      route: b.route,
      chunks: b.files.length,
      rawKB: kB(b.rawBytes),
      gzipKB: kB(b.gzipBytes),
      overBudget: b.gzipBytes > budgetKb * 1000 ? "OVER" : "",
      charts: charts.get(b.route) ?? "none",
    })),
  );
  console.log(
    `\n${over.length} of ${bundles.length} routes over ${budgetKb} kB gzip${over.length ? `: ${over.map((b) => b.route).join(", ")}` : ""}`,
  );
  const lazy = check.routes.filter((r) => r.charts === "lazy").map((r) => r.route);
  console.log(
    JSON.stringify({ chartCheck: { chartChunks: check.chartChunks, lazy, leaks: check.leaks, ok: check.ok } }, null, 2),
  );
  if (check.chartChunks.length === 0)
    console.log(`recharts split check: FAIL — no chunk contains "${chartMarker}"; the check cannot find the charts`);
  else {
    const named = (use: ChartUse) => check.routes.filter((r) => r.charts === use).map((r) => r.route);
    console.log(
      `recharts chunks: ${check.chartChunks.join(", ")}; loaded on demand by ${lazy.join(", ") || "no route"}`,
    );
    console.log(`routes without charts: ${named("none").join(", ")}`);
    console.log(
      check.ok
        ? "recharts split check: OK — recharts is in the first load of no route"
        : `recharts split check: FAIL — recharts is in the first load of ${check.leaks.join(", ")}`,
    );
  }
  if (!check.ok || over.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
