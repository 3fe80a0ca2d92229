CREATE TABLE "log_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"level" text NOT NULL,
	"resource" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_points" (
	"tenant_id" uuid NOT NULL,
	"resource" text NOT NULL,
	"metric" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "metric_points_tenant_id_metric_resource_at_pk" PRIMARY KEY("tenant_id","metric","resource","at")
);
--> statement-breakpoint
CREATE INDEX "log_lines_tenant_at_idx" ON "log_lines" USING btree ("tenant_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "log_lines_tenant_level_resource_at_idx" ON "log_lines" USING btree ("tenant_id","level","resource","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "metric_points_tenant_metric_at_idx" ON "metric_points" USING btree ("tenant_id","metric","at");