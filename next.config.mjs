/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundling these would duplicate the database singleton and publish PGlite's wasm files.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "@node-rs/argon2", "@kubernetes/client-node"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
