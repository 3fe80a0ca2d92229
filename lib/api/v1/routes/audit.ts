import { z } from "zod";
import { defineApiRoute } from "../define-route";
import { decodeCursor, encodeCursor, pageOf, pageQuery } from "../schemas/page";
import { apiAuditEvent } from "../schemas/audit-event";
import { auditEventsAfter } from "./audit-page";

const auditCursor = z.object({
  at: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
  id: z.number().int(),
});

export const listAuditEvents = defineApiRoute({
  operation: "GET /api/v1/audit",
  tag: "Audit",
  summary: "Read the audit log",
  description: "Every change, newest first, naming who made it and through which token. Administrators and auditors.",
  query: pageQuery.extend({
    tenant: z.string().trim().max(64).optional().meta({ description: "Only events of the tenant with this name." }),
    action: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Only actions starting with this: `tenant.` or `grant.set`." }),
  }),
  response: pageOf(apiAuditEvent),
  async handle({ db }, { query }) {
    const after = decodeCursor(query.cursor, auditCursor);
    const { rows, more } = await auditEventsAfter(db, query, after, query.limit);
    const last = rows.at(-1);
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        action: row.action,
        tenant: row.tenant,
        target: row.target,
        details: row.details,
        ip: row.ip,
        actor: row.actorId
          ? { id: row.actorId, name: row.actorName!, email: row.actorEmail!, kind: row.actorKind! }
          : null,
        token: row.tokenId ? { id: row.tokenId, name: row.tokenName } : null,
      })),
      nextCursor: more && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
    };
  },
});
