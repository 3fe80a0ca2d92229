// GET /api-reference/scalar.js — the reference page's script, served by the portal (no CDN offline)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { routeHandler } from "@/lib/api/route-handler";

// Read from the package at run time; next.config traces the file into the standalone build.
const file = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
let script: Promise<Buffer> | undefined;

export const GET = routeHandler("/api-reference/scalar.js", async () => {
  script ??= readFile(file);
  return new Response(new Uint8Array(await script), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "private, max-age=86400" },
  });
});
