DROP INDEX "tenants_infrastructure_idx";--> statement-breakpoint
CREATE INDEX "tenants_infrastructure_name_idx" ON "tenants" USING btree ("infrastructure_id","name");