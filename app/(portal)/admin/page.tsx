import { redirect } from "next/navigation";
import { requireAdminArea } from "@/lib/tenants/access";

export default async function AdminHome() {
  await requireAdminArea();
  redirect("/admin/users");
}
