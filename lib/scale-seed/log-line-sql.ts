import { sql } from "drizzle-orm";

// The lines of lib/telemetry/log-messages.ts, written by SQL: each row draws a to e from random()
// once (in `drawn`), and one draw both picks a branch and, rescaled, the item within it.

/** Access lines of the web and api services: mostly 2xx, some 4xx warnings, a few slow 5xx errors. */
export const accessLine = sql`
  select case when s.status >= 500 then 'error' when s.status >= 400 then 'warn' else 'info' end as level,
    case when drawn.c < 0.5 then 'web' else 'api' end as resource,
    concat_ws(' ', case when s.path like '/api/%' and drawn.d < 0.3 then (array['POST', 'PUT', 'DELETE'])[1 + floor(drawn.d * 10)::int] else 'GET' end,
      s.path, s.status, (case when s.status >= 500 then 800 + floor(drawn.b * 4000) else 2 + floor(drawn.b ^ 3 * 400) end)::int || 'ms') as message
  from (select
    case when drawn.a < 0.02 then (array[500, 502, 503])[1 + floor(drawn.a / 0.02 * 3)::int]
         when drawn.a < 0.09 then (array[400, 401, 404, 429])[1 + floor((drawn.a - 0.02) / 0.07 * 4)::int]
         else (array[200, 200, 200, 201, 204, 304])[1 + floor((drawn.a - 0.09) / 0.91 * 6)::int] end as status,
    case when drawn.e < 0.002 then (array['/search?q=<script>alert(1)</script>', '/<img src=x onerror=alert(1)>'])[1 + floor(drawn.e / 0.002 * 2)::int]
         else (array['/api/orders', '/api/orders/8812', '/api/cart', '/api/users/me', '/api/products?page=2', '/healthz', '/login', '/static/app.js', '/api/payments', '/api/search?q=shoes'])[1 + floor(drawn.e * 10)::int] end as path
  ) as s`;

/** The worker's jobs: completions, retries, queue depth and the odd timeout. */
export const workerLine = sql`
  select case when drawn.a < 0.02 then 'error' when drawn.a < 0.08 then 'warn' when drawn.a < 0.12 then 'debug' else 'info' end as level,
    'worker' as resource,
    case when drawn.a < 0.02 then format('job %s (%s) failed: timeout after 30000ms', w.job, w.id)
         when drawn.a < 0.08 then format('job %s (%s) retry %s/5: upstream returned 503', w.job, w.id, 1 + floor(drawn.d * 4)::int)
         when drawn.a < 0.12 then format('queue %s: %s waiting, %s active', w.job, floor(drawn.d * 40)::int, floor(drawn.e * 4)::int)
         else format('job %s (%s) completed in %sms', w.job, w.id, round(20 + drawn.d * 900)::int) end as message
  from (select (array['send-email', 'resize-image', 'sync-inventory', 'charge-card', 'export-report'])[1 + floor(drawn.b * 5)::int] as job,
    to_hex(floor(drawn.c * 16777216)::int) as id) as w`;

/** The database host: checkpoints and vacuums, slow queries, and rarely running out of connections. */
export const hostLine = sql`
  select case when drawn.a < 0.01 then 'error' when drawn.a < 0.1 then 'warn' when drawn.a < 0.15 then 'debug' else 'info' end as level,
    'db-host' as resource,
    case when drawn.a < 0.01 then 'FATAL: remaining connection slots are reserved for non-replication superuser connections'
         when drawn.a < 0.1 then format('slow query (%s ms): SELECT * FROM %s WHERE updated_at > $1 ORDER BY id', round(1000 + drawn.d * 5000)::int, h.tbl)
         when drawn.a < 0.15 then format('cache hit ratio %s', to_char(0.9 + drawn.d * 0.099, 'FM0.000'))
         when drawn.a < 0.4 then format('automatic vacuum of table "app.public.%s": index scans: 1, tuples removed: %s', h.tbl, floor(drawn.d * 5000)::int)
         else format('checkpoint complete: wrote %s buffers (%s%%)', floor(drawn.d * 2000)::int, to_char(drawn.e * 5, 'FM0.0')) end as message
  from (select (array['orders', 'order_items', 'customers', 'inventory', 'sessions'])[1 + floor(drawn.b * 5)::int] as tbl) as h`;
