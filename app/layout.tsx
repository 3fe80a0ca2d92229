import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: "%s · Enclave" },
  description: "Self-service cloud portal: tenants with their own resources, access, cost and health.",
};

// Every page renders per request: a nonce-based CSP needs a fresh nonce in each response.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
