CREATE TABLE "favorite_tenants" (
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favorite_tenants_user_id_tenant_id_pk" PRIMARY KEY("user_id","tenant_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_visits" (
	"user_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"visited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_visits_user_id_tenant_id_pk" PRIMARY KEY("user_id","tenant_id")
);
--> statement-breakpoint
ALTER TABLE "favorite_tenants" ADD CONSTRAINT "favorite_tenants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favorite_tenants" ADD CONSTRAINT "favorite_tenants_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_visits" ADD CONSTRAINT "tenant_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_visits" ADD CONSTRAINT "tenant_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "favorite_tenants_tenant_idx" ON "favorite_tenants" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tenant_visits_user_visited_idx" ON "tenant_visits" USING btree ("user_id","visited_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tenant_visits_tenant_idx" ON "tenant_visits" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "tenants_live_name_trgm_idx" ON "tenants" USING gin ("name" gin_trgm_ops) WHERE status <> 'deleted';