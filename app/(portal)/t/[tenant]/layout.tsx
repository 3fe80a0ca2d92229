import { authorizePage } from "@/lib/auth/authorize";

// Checked here, before the loading boundary below starts streaming, so that a tenant the
// user may not see answers with a real 404 status. Each page checks again at the data.
export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  await authorizePage("/t/[tenant]", (await params).tenant);
  return children;
}
