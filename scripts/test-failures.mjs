// Names the failed tests of a step from its JSON report, so the end of `npm test`'s output (all
// that a CI log's tail may keep) says which tests failed, not only which step.
import { existsSync, readFileSync } from "node:fs";

const plainText = (text) => (text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
const firstLine = (text) => plainText(text).trim().split("\n")[0].slice(0, 240);
// The error's first lines, not its first only: an assertion's diff (what differed) follows its
// first line, and a CI log's tail may be all there is to read of a failure on another machine.
const errorExcerpt = (text, lines = 14) =>
  plainText(text)
    .trim()
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\s*at /.test(line))
    .slice(0, lines)
    .map((line) => line.slice(0, 200))
    .join("\n      ");

function readReport(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Failed tests of a Vitest JSON report (Jest's format): "file › name: first line of the error". */
export function vitestFailures(file, root) {
  const report = readReport(file);
  if (!report) return [];
  return (report.testResults ?? []).flatMap((suite) => {
    const where = suite.name.replace(`${root}/`, "");
    const failed = (suite.assertionResults ?? []).filter((test) => test.status === "failed");
    if (failed.length === 0 && suite.status === "failed") return [`${where}: ${firstLine(suite.message)}`];
    return failed.map((test) => `${where} › ${test.fullName}: ${errorExcerpt(test.failureMessages?.[0])}`);
  });
}

function playwrightSpecs(suite, file) {
  const here = suite.file ?? file;
  const own = (suite.specs ?? []).flatMap((spec) =>
    spec.ok ? [] : [`${here} › ${spec.title}: ${errorExcerpt(spec.tests?.[0]?.results?.at(-1)?.error?.message)}`],
  );
  return [...own, ...(suite.suites ?? []).flatMap((child) => playwrightSpecs(child, here))];
}

/** Failed tests of a Playwright JSON report, with its top-level errors (a server that did not start). */
export function playwrightFailures(file) {
  const report = readReport(file);
  if (!report) return [];
  const errors = (report.errors ?? []).map((error) => `(run) ${firstLine(error.message)}`);
  return [...errors, ...(report.suites ?? []).flatMap((suite) => playwrightSpecs(suite, suite.file))];
}

/** The last lines of a step's kept output, for a failure that no report names. */
export function outputTail(file, lines = 30) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : `(no output was kept in ${file})`;
  return plainText(text)
    .trimEnd()
    .split("\n")
    .slice(-lines)
    .map((line) => `(output) ${line}`);
}
