import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { templates, templateVersions, users } from "@/db/schema";

export type TemplateListItem = {
  name: string;
  description: string;
  versions: { version: number; createdAt: Date; createdBy: string | null }[];
};

/** Every template with its versions, newest version first. */
export async function listTemplates(db: Db): Promise<TemplateListItem[]> {
  const rows = await db
    .select({
      name: templates.name,
      description: templates.description,
      version: templateVersions.version,
      createdAt: templateVersions.createdAt,
      createdBy: users.name,
    })
    .from(templates)
    .innerJoin(templateVersions, eq(templateVersions.templateId, templates.id))
    .leftJoin(users, eq(users.id, templateVersions.createdBy))
    .orderBy(asc(templates.name), desc(templateVersions.version));
  const byName = new Map<string, TemplateListItem>();
  for (const { name, description, ...version } of rows) {
    const item = byName.get(name) ?? byName.set(name, { name, description, versions: [] }).get(name)!;
    item.versions.push(version);
  }
  return [...byName.values()];
}

/** One version of a template (the latest when none is named), or null. */
export async function getTemplateVersion(db: Db, name: string, version?: number) {
  const [row] = await db
    .select({
      templateId: templates.id,
      name: templates.name,
      description: templates.description,
      version: templateVersions.version,
      body: templateVersions.body,
      createdAt: templateVersions.createdAt,
    })
    .from(templates)
    .innerJoin(templateVersions, eq(templateVersions.templateId, templates.id))
    .where(and(eq(templates.name, name), version ? eq(templateVersions.version, version) : undefined))
    .orderBy(desc(templateVersions.version))
    .limit(1);
  return row ?? null;
}
