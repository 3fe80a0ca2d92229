import { authorizePage } from "@/lib/auth/authorize";

// Checked before the loading boundary streams, for a real 404 status; each page checks again.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await authorizePage("/admin");
  return children;
}
