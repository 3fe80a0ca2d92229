import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listTemplates, type TemplateListItem } from "@/lib/templates/template-queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { ImportTemplateForm } from "./import-template-client";

export const metadata: Metadata = { title: "Templates" };

export default async function AdminTemplatesPage() {
  const { actor } = await authorizePage("/admin/templates");
  const templates = await listTemplates(await getDb());
  return (
    <>
      <PageHeader
        title="Templates"
        description="Tenants to stamp out again: settings, resources, alert rules, budget, channels and group mappings. Each save is a new version."
      />
      {can(actor, "admin:write") && <ImportTemplateForm />}
      {templates.length === 0 ? (
        <EmptyState title="No template yet">
          Open a tenant&apos;s <span className="font-medium">Settings</span> and choose{" "}
          <span className="font-medium">Save as template</span>, or import a template&apos;s .json file above.
        </EmptyState>
      ) : (
        <DataTable<TemplateListItem>
          caption="Templates"
          rows={templates}
          rowKey={(t) => t.name}
          columns={[
            {
              header: "Name",
              cell: (t) => (
                <Link className="font-medium text-brand-600 hover:underline" href={`/admin/templates/${t.name}`}>
                  {t.name}
                </Link>
              ),
            },
            { header: "Description", cell: (t) => t.description || "—", className: "text-slate-600" },
            { header: "Versions", cell: (t) => t.versions.map((v) => `v${v.version}`).join(", ") },
            {
              header: "Latest saved",
              cell: (t) =>
                `${formatDateTime(t.versions[0]!.createdAt)}${t.versions[0]!.createdBy ? ` by ${t.versions[0]!.createdBy}` : ""}`,
              className: "whitespace-nowrap text-slate-500",
            },
          ]}
        />
      )}
    </>
  );
}
