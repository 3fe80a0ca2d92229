import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readOidcConfig } from "@/lib/auth/oidc-config";
import { getActor } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { LoginForm } from "./login-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const destination = sameOriginPath(callbackUrl);
  if (await getActor()) redirect(destination);
  const sso = readOidcConfig();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-900 to-brand-700 p-6">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
        <div className="mb-6">
          <h1 className="text-2xl font-semibold tracking-tight">Enclave</h1>
          <p className="text-sm text-slate-500">Sign in to reach your tenants.</p>
        </div>
        {sso && (
          <>
            <SsoButton name={sso.displayName} callbackUrl={destination} />
            <p className="my-4 flex items-center gap-3 text-xs text-slate-500 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
              or with a local account
            </p>
          </>
        )}
        <LoginForm callbackUrl={destination} initialError={signInErrorMessage(error)} />
      </div>
    </main>
  );
}

/** Only a path on this site; anything else (another origin, `//host`, `/\host`) goes home. */
function sameOriginPath(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/tenants";
  return url;
}
