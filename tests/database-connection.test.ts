import { describe, expect, it } from "vitest";
import { DatabaseUnreachableError, openDatabase, redactUrl } from "@/db/client";

describe("openDatabase", () => {
  it("reports an unreachable PostgreSQL with the reason and without the password", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const opening = openDatabase({ url: "postgres://u:secret@127.0.0.1:1/x" });
    const error = await opening.then(
      () => expect.fail("the database should have been unreachable"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const { message, location } = error as DatabaseUnreachableError;
    expect(message).toContain("postgres://u:***@127.0.0.1:1/x");
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("secret");
    expect(location).not.toContain("secret");
  });
});

describe("redactUrl", () => {
  it("hides the password and keeps the rest", () => {
    expect(redactUrl("postgres://enclave:hunter2@db.internal:5432/enclave")).toBe("postgres://enclave:***@db.internal:5432/enclave");
  });

  it("hides a password given as a query parameter", () => {
    const redacted = redactUrl("postgres://enclave@db.internal/enclave?password=hunter2&sslmode=require");
    expect(redacted).toBe("postgres://enclave@db.internal/enclave?password=***&sslmode=require");
  });

  it("leaves a URL without a password unchanged", () => {
    expect(redactUrl("postgres://enclave@db.internal/enclave")).toBe("postgres://enclave@db.internal/enclave");
  });

  it("never echoes an unparseable URL, which could still hold a password", () => {
    expect(redactUrl("postgres://enclave:hunter2@db.internal:no-port/enclave")).not.toContain("hunter2");
  });
});
