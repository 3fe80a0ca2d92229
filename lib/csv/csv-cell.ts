// A spreadsheet runs a cell that starts like a formula; a leading quote makes it text.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell of text a person or a cloud wrote: quoted when it must be, never run as a formula. */
export function textCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
