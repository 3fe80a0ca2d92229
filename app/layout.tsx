import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { ThemeProvider } from "next-themes";
import { AppToaster } from "@/components/theme/app-toaster";
import { HydrationMark } from "@/components/hydration-mark";
import { titleTemplate } from "@/lib/page-title";
import { forgetRenderStackOnceFinished } from "@/lib/server/render-stack";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Enclave", template: titleTemplate },
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
// next-themes sets the theme class before paint with an inline script, which needs that nonce too.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  forgetRenderStackOnceFinished();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
          {children}
          <AppToaster />
        </ThemeProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
