// npm run db:migrate — apply the committed migrations to DATABASE_URL or the embedded database
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";

const database = await openDatabase(defaultTarget());
await migrateDatabase(database);
console.log(`Migrations applied to ${database.kind} ${database.location}`);
await database.close();
