import { defineConfig } from "@playwright/test";
import { assertLocalDatabase } from "./e2e/support/assert-local-database";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://localhost:${port}`;
// The spec reaches the same issuer through E2E_OIDC_PORT.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3108);
const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
const oidcClient = { id: "enclave-e2e", secret: "e2e-only-oidc-client-secret" };
assertLocalDatabase(process.env.DATABASE_URL);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // A deadline for a whole test: flows of a dozen pages took over a minute on a loaded 2-core machine.
  timeout: 180_000,
  // Assertions wait on what the page shows; this only bounds how long a page may take to show it
  // on a loaded 2-core machine (server render, hydration, a lazily loaded chart).
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: [
    {
      // The built app on a fresh embedded database, or on DATABASE_URL when it is set.
      command: "rm -rf test-results/e2e-data && npm start",
      url: `${baseURL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        ENCLAVE_DATA_DIR: "test-results/e2e-data",
        NEXTAUTH_URL: baseURL,
        NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-use",
        OIDC_ISSUER: oidcIssuer,
        OIDC_CLIENT_ID: oidcClient.id,
        OIDC_CLIENT_SECRET: oidcClient.secret,
        OIDC_SCOPES: "openid email profile groups",
        OIDC_DISPLAY_NAME: "Test IdP",
        // A day of metrics is enough for the charts under test and keeps PGlite's first tick short.
        ENCLAVE_METRICS_BACKFILL_HOURS: "24",
        // e2e/tenant-databases.spec.ts watches a local database become available, and go, in seconds.
        ENCLAVE_LOCAL_DATABASE_READY_SECONDS: "3",
        ENCLAVE_DATABASE_RECHECK_SECONDS: "2",
        // e2e/tenant-alerts.spec.ts sends a channel's test message to a receiver on 127.0.0.1.
        ENCLAVE_OUTBOUND_ALLOW_PRIVATE: "true",
        // Every persona signs in from 127.0.0.1, and runs on PostgreSQL share one budget across runs;
        // tests/sign-in-address-limit.test.ts checks the limit itself with a low one.
        ENCLAVE_SIGN_IN_ADDRESS_LIMIT: "100000",
      },
    },
    {
      // A real OpenID Connect provider for e2e/sso.spec.ts, with a test-only account endpoint.
      command: "node e2e/support/oidc-server.mjs",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        OIDC_TEST_PORT: String(oidcPort),
        OIDC_TEST_CLIENT_ID: oidcClient.id,
        OIDC_TEST_CLIENT_SECRET: oidcClient.secret,
        OIDC_TEST_REDIRECT_URI: `${baseURL}/api/auth/callback/oidc`,
      },
    },
  ],
});
