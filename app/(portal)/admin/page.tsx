import { redirect } from "next/navigation";
import { authorizePage } from "@/lib/auth/authorize";

export default async function AdminHome() {
  await authorizePage("/admin");
  redirect("/admin/users");
}
