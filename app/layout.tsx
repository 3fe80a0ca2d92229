import type { Metadata } from "next";
import { connection } from "next/server";
import { HydrationMark } from "@/components/hydration-mark";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: "%s · Enclave" },
  description: "Self-service cloud portal: tenants with their own resources, access, cost and health.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

// Every page renders per request: a nonce-based CSP needs a fresh nonce in each response.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
