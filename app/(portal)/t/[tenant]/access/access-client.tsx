"use client";

import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/components/format";
import { RevokeGrantButton } from "@/app/(portal)/_components/grant-access";

type Member = {
  userId: string;
  name: string;
  email: string;
  kind: "person" | "service";
  level: string;
  source: string;
  expiresAt: string | null;
};

export function AccessTable({ tenant, members, manage }: { tenant: string; members: Member[]; manage: boolean }) {
  return (
    <DataTable<Member>
      caption="Tenant members"
      rows={members}
      rowKey={(m) => `${m.userId}:${m.source}`}
      columns={[
        {
          header: "User",
          cell: (m) => (
            <span>
              <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span>
              {m.kind === "service" && <span className="text-xs text-slate-500"> · service account</span>}
            </span>
          ),
        },
        { header: "Level", cell: (m) => m.level },
        { header: "Granted by", cell: (m) => (m.source === "direct" ? "administrator" : `SSO ${m.source}`) },
        { header: "Expires", cell: (m) => (m.expiresAt ? formatDateTime(new Date(m.expiresAt)) : "Never") },
        ...(manage
          ? [
              {
                header: "",
                cell: (m: Member) =>
                  m.source === "direct" ? (
                    <RevokeGrantButton tenant={tenant} userId={m.userId} email={m.email} />
                  ) : (
                    <span className="text-xs text-slate-500">changes at the user&apos;s next SSO sign-in</span>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
