CREATE TABLE "local_cloud_resources" (
	"id" text PRIMARY KEY NOT NULL,
	"infrastructure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"tenant_tag" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenant_secrets" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ciphertext" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "tenants_name_key";--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "local_cloud_resources" ADD CONSTRAINT "local_cloud_resources_infrastructure_id_infrastructures_id_fk" FOREIGN KEY ("infrastructure_id") REFERENCES "public"."infrastructures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "local_cloud_resources_kind_name_key" ON "local_cloud_resources" USING btree ("infrastructure_id","kind","name");--> statement-breakpoint
CREATE INDEX "local_cloud_resources_tenant_idx" ON "local_cloud_resources" USING btree ("infrastructure_id","tenant_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_secrets_tenant_kind_key" ON "tenant_secrets" USING btree ("tenant_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_live_name_key" ON "tenants" USING btree ("name") WHERE status <> 'deleted';--> statement-breakpoint
CREATE INDEX "tenants_expires_at_idx" ON "tenants" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_one_active_per_tenant" ON "operations" USING btree ("tenant_id") WHERE state in ('pending', 'running');