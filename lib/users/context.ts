import type { ActionContext } from "@/lib/actions/define-action";

/** What a user service needs from its caller: the database (or a test's), who acts, and from where. */
export type ServiceContext = Pick<ActionContext, "db" | "actor" | "ip">;
