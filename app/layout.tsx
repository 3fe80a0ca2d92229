import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: "%s · Enclave" },
  description: "Self-service cloud portal: tenants with their own resources, access, cost and health.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
