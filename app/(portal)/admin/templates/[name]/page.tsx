import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listInfrastructures } from "@/lib/infrastructure/queries";
import { parseTemplateBody } from "@/lib/templates/template-body";
import { toReapprove } from "@/lib/templates/template-run";
import { getTemplateVersion, listTemplates } from "@/lib/templates/template-queries";
import { PageHeader } from "@/components/page-header";
import { formatDateTime } from "@/components/format";
import { CreateFromTemplateForm, TemplateEditor } from "./template-client";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Template ${(await params).name}` };
}

export default async function TemplatePage({ params, searchParams }: Props) {
  const { actor } = await authorizePage("/admin/templates/[name]");
  const [{ name }, { version }] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const found = await getTemplateVersion(db, name, Number(version) || undefined);
  if (!found) notFound();
  const [all, infrastructures] = await Promise.all([listTemplates(db), listInfrastructures(db)]);
  const versions = all.find((t) => t.name === found.name)?.versions ?? [];
  const parsed = parseTemplateBody(found.body);
  const reapprove = parsed.ok ? toReapprove(parsed.body) : [];
  const canEdit = can(actor, "admin:write");
  return (
    <>
      <PageHeader
        title={`Template ${found.name}`}
        description={`${found.description ? `${found.description} · ` : ""}Version ${found.version} of ${versions.length}, saved ${formatDateTime(found.createdAt)}.`}
      />
      <nav aria-label="Versions" className="mb-4 flex flex-wrap gap-2 text-sm">
        {versions.map((v) => (
          <Link
            key={v.version}
            href={`/admin/templates/${found.name}?version=${v.version}`}
            aria-current={v.version === found.version ? "page" : undefined}
            className={
              v.version === found.version
                ? "rounded-md bg-brand-600 px-2 py-1 text-white"
                : "rounded-md px-2 py-1 text-brand-600 hover:bg-slate-100"
            }
          >
            v{v.version}
          </Link>
        ))}
      </nav>
      {!parsed.ok && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This version no longer passes the checks: {parsed.error}
        </p>
      )}
      {reapprove.length > 0 && (
        <section aria-label="To approve again" className="card mb-4 p-4 text-sm">
          <h2 className="font-semibold">Not applied by the template: to approve again</h2>
          <ul className="mt-2 list-disc pl-5 text-slate-600">
            {reapprove.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <TemplateEditor
          name={found.name}
          version={found.version}
          body={JSON.stringify(found.body, null, 2)}
          canEdit={canEdit}
        />
        {canEdit && (
          <CreateFromTemplateForm
            template={found.name}
            version={found.version}
            infrastructures={infrastructures.map((i) => ({ id: i.id, label: `${i.name} (${i.driver}, ${i.region})` }))}
          />
        )}
      </div>
    </>
  );
}
