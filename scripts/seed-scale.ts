// npm run seed:scale -- --tenants 1000 --users 10000 — fill the database with a realistic fleet, safely again and again
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { busiestScaleUser } from "../lib/scale-seed/busiest-user";
import { formatScaleSummary } from "../lib/scale-seed/print-summary";
import { parseScaleFlags, scaleSeedUsage } from "../lib/scale-seed/scale-options";
import { seedScaleData } from "../lib/scale-seed/seed-scale-data";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(scaleSeedUsage);
  process.exit(0);
}
const parsed = parseScaleFlags(args);
if ("error" in parsed) {
  console.error(parsed.error);
  process.exit(2);
}

const database = await openDatabase(defaultTarget()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  console.log(`Seeding ${database.kind} ${database.location}: ${JSON.stringify(parsed.options)}`);
  await migrateDatabase(database);
  const summary = await seedScaleData(database.db, parsed.options, (message) => console.log(message));
  const busiest = busiestScaleUser(parsed.options.prefix, parsed.options.users, parsed.options.tenants, new Date());
  for (const line of formatScaleSummary({ ...summary, busiest, database: `${database.kind} ${database.location}` }))
    console.log(line);
} catch (error) {
  console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
