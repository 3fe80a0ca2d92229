// npm run token:create -- --email E --name N [--scope read|write] [--days D] — prints a new access token for that user, audited
import { parseArgs } from "node:util";
import { defaultTarget, openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { DomainError } from "../lib/errors";
import { createTokenForEmail } from "../lib/tokens/create-token-for-email";
import { tokenInput } from "../lib/tokens/token-input";
import { emailField } from "../lib/users/fields";
import { pgliteDirProblem } from "./token-create-data-dir";

const usage = "usage: npm run token:create -- --email EMAIL --name NAME [--scope read|write] [--days 1-366]";

// Exit 2 and one line on stderr: stdout carries only the secret, so TOKEN=$(npm run -s token:create -- …) works.
function fail(message: string): never {
  console.error(`token:create: ${message}`);
  process.exit(2);
}

function readArguments() {
  try {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        scope: { type: "string", default: "read" },
        days: { type: "string", default: "90" },
      },
      strict: true,
      allowPositionals: false,
    });
    for (const required of ["email", "name"] as const)
      if (values[required] === undefined) fail(`--${required} is required. ${usage}`);
    return values as { email: string; name: string; scope: string; days: string };
  } catch (error) {
    return fail(`${(error as Error).message.split("\n")[0]} ${usage}`);
  }
}

const args = readArguments();
const email = emailField.safeParse(args.email);
if (!email.success) fail(`--email: ${email.error.issues[0]!.message}`);
const input = tokenInput.safeParse(args);
if (!input.success) fail(`--${String(input.error.issues[0]!.path[0])}: ${input.error.issues[0]!.message}`);

const target = defaultTarget();
if ("pgliteDir" in target) {
  const problem = pgliteDirProblem(target.pgliteDir);
  if (problem) fail(problem);
}
const database = await openDatabase(target).catch((error: Error) => fail(error.message));
try {
  await migrateDatabase(database);
  const { secret } = await createTokenForEmail(database.db, email.data, input.data);
  console.log(secret);
} catch (error) {
  if (!(error instanceof DomainError)) throw error;
  console.error(`token:create: ${error.message}`);
  process.exitCode = 2;
} finally {
  // Closed before exiting, also on a refusal: PGlite must close its data directory cleanly.
  await database.close();
}
