/** @type {import('next').NextConfig} */
const nextConfig = {
  // `.next/standalone` holds server.js and only the files it needs: the Docker image ships that alone.
  output: "standalone",
  // Bundling these would duplicate the database singleton and publish PGlite's wasm files.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "@node-rs/argon2", "@kubernetes/client-node"],
  // Read at run time from process.cwd(), which tracing cannot follow; and, to be sure, the bundles of
  // the PGlite extensions the migrations create, which PGlite fetches by URL.
  outputFileTracingIncludes: {
    "/*": [
      "./db/migrations/**/*",
      "./node_modules/@electric-sql/pglite/dist/pg_trgm.tar.gz",
      "./node_modules/@electric-sql/pglite/dist/btree_gin.tar.gz",
    ],
    // The API reference page's script, read from the package at run time (app/api-reference/scalar.js).
    "/api-reference/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"],
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
