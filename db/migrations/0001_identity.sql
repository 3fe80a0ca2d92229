CREATE TABLE "sso_group_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group" text NOT NULL,
	"role" "user_role",
	"tenant_id" uuid,
	"level" "grant_level",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_group_mappings_group_target_key" UNIQUE NULLS NOT DISTINCT("group","role","tenant_id"),
	CONSTRAINT "sso_group_mappings_one_target" CHECK (("sso_group_mappings"."role" is not null and "sso_group_mappings"."tenant_id" is null and "sso_group_mappings"."level" is null) or ("sso_group_mappings"."role" is null and "sso_group_mappings"."tenant_id" is not null and "sso_group_mappings"."level" is not null))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role_source" text DEFAULT 'direct' NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_group_mappings" ADD CONSTRAINT "sso_group_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_group_mappings_tenant_idx" ON "sso_group_mappings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events" USING btree ("actor_id","at");