import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { getUserDetail } from "@/lib/users/get-user-detail";
import { PageHeader } from "@/components/page-header";
import { AccessTokens } from "./access-tokens";
import { PasswordForm } from "./password-form-client";
import { ProfileForm } from "./profile-form-client";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { actor } = await authorizePage("/account");
  const account = await getUserDetail(await getDb(), actor.id);
  if (!account) notFound();
  return (
    <>
      <PageHeader
        title="Your account"
        description={`${account.email} · ${account.role}. Your email and role are managed by an administrator.`}
      />
      <section className="card p-5">
        <h2 className="text-base font-semibold">Profile</h2>
        <ProfileForm name={account.name} />
      </section>
      <section className="card mt-6 p-5">
        <h2 className="text-base font-semibold">Password</h2>
        {account.hasPassword ? (
          <PasswordForm />
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            You sign in through SSO; change your password with your identity provider.
          </p>
        )}
      </section>
      <AccessTokens userId={actor.id} />
    </>
  );
}
