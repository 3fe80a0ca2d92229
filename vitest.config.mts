import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The real package throws outside a React Server Components bundle.
      { find: /^server-only$/, replacement: `${root}/tests/helpers/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // PGlite takes a few seconds to start (and migrate), argon2 hashing is deliberately slow, and
    // both take several times longer on a loaded 2-core machine: these are deadlines, not waits.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
