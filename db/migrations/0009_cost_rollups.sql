CREATE TABLE "cost_monthly" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"service" text NOT NULL,
	"amount" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_monthly_tenant_id_month_service_pk" PRIMARY KEY("tenant_id","month","service")
);
--> statement-breakpoint
CREATE TABLE "cost_monthly_totals" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount" double precision NOT NULL,
	"daily_amounts" double precision[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_monthly_totals_tenant_id_month_pk" PRIMARY KEY("tenant_id","month")
);
--> statement-breakpoint
CREATE INDEX "cost_monthly_totals_month_idx" ON "cost_monthly_totals" USING btree ("month","tenant_id","amount");--> statement-breakpoint
-- Backfill from the daily rows already there, as lib/billing/refresh-cost-months.ts computes them.
INSERT INTO "cost_monthly" ("tenant_id", "month", "service", "amount")
SELECT "tenant_id", date_trunc('month', "day"::timestamp)::date, "service", sum("amount") FROM "cost_daily" GROUP BY 1, 2, 3;--> statement-breakpoint
WITH "days" AS (SELECT "tenant_id", "day", sum("amount") AS "amount" FROM "cost_daily" GROUP BY 1, 2)
INSERT INTO "cost_monthly_totals" ("tenant_id", "month", "amount", "daily_amounts")
SELECT m."tenant_id", m."month", sum(d."amount"), array_agg(coalesce(d."amount", 0) ORDER BY g."day")
FROM (SELECT DISTINCT "tenant_id", date_trunc('month', "day"::timestamp)::date AS "month" FROM "days") m
CROSS JOIN generate_series(m."month"::timestamp, m."month" + interval '1 month' - interval '1 day', interval '1 day') AS g("day")
LEFT JOIN "days" d ON d."tenant_id" = m."tenant_id" AND d."day" = g."day"::date
GROUP BY m."tenant_id", m."month";
