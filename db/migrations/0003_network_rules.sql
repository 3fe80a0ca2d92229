CREATE TABLE "network_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_tenant_id" uuid,
	"cidr" text,
	"protocol" text NOT NULL,
	"from_port" integer,
	"to_port" integer,
	"state" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"cloud_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_rules" ADD CONSTRAINT "network_rules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_rules" ADD CONSTRAINT "network_rules_source_tenant_id_tenants_id_fk" FOREIGN KEY ("source_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_rules" ADD CONSTRAINT "network_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_rules_tenant_idx" ON "network_rules" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "network_rules_source_idx" ON "network_rules" USING btree ("source_tenant_id");