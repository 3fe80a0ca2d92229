// npm run db:seed — migrate, then create the demo (idempotent)
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../lib/demo/seed-demo";

const database = await openDatabase(defaultTarget());
await migrateDatabase(database);
const { created } = await seedDemo(database.db);
console.log(
  created ? `Demo seeded into ${database.kind} ${database.location}` : "The demo was already there; nothing changed.",
);
await database.close();
