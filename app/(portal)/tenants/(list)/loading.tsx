import { PageSkeleton } from "@/components/page-skeleton";

// In the (list) group so that /tenants/new is outside this boundary: its access check then
// runs before streaming starts, and a denied user gets a real 404 status.
export default function Loading() {
  return <PageSkeleton />;
}
