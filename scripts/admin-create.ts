// npm run admin:create -- --email E [--name N] — the first admin of an install (or a promotion); prints a one-time password
import { parseArgs } from "node:util";
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { bootstrapAdmin, bootstrapAdminInput, generateOneTimePassword } from "../lib/users/bootstrap-admin";

const usage =
  "usage: npm run admin:create -- --email EMAIL [--name NAME]   (password from ENCLAVE_ADMIN_PASSWORD, or generated)";

function fail(message: string): never {
  console.error(`admin:create: ${message}`);
  process.exit(2);
}

function readArguments() {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.email) fail(`--email is required. ${usage}`);
    return values as { email: string; name?: string };
  } catch (error) {
    return fail(`${(error as Error).message.split("\n")[0]} ${usage}`);
  }
}

const args = readArguments();
const chosen = process.env.ENCLAVE_ADMIN_PASSWORD;
const parsed = bootstrapAdminInput.safeParse({ ...args, password: chosen ?? generateOneTimePassword() });
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0] === "password" ? "ENCLAVE_ADMIN_PASSWORD" : `--${String(issue.path[0])}`;
  fail(`${field}: ${issue.message}`);
}

const database = await openDatabase(defaultTarget()).catch((error: Error) => fail(error.message));
try {
  await migrateDatabase(database);
  const result = await bootstrapAdmin(database.db, parsed.data);
  console.log(
    `${result.outcome === "created" ? "Created" : "Promoted"} admin ${parsed.data.email} in ${database.kind} ${database.location}.`,
  );
  if (!result.passwordSet) console.log("This account signs in through SSO; no password was set.");
  else if (chosen) console.log("Password: as given in ENCLAVE_ADMIN_PASSWORD.");
  else console.log(`One-time password (shown once; change it on /account after signing in): ${parsed.data.password}`);
} finally {
  await database.close();
}
