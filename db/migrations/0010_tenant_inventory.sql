CREATE TABLE "tenant_inventory" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"cloud_id" text NOT NULL,
	"status" text,
	"tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone,
	CONSTRAINT "tenant_inventory_pk" PRIMARY KEY("tenant_id","kind","name","cloud_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_inventory_refreshes" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone,
	"error" text,
	"failed_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenant_inventory" ADD CONSTRAINT "tenant_inventory_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_inventory_refreshes" ADD CONSTRAINT "tenant_inventory_refreshes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenant_inventory_refreshes_due_idx" ON "tenant_inventory_refreshes" USING btree ("due_at");