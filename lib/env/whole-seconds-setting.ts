/** A setting in whole seconds from the environment, its default when unset; anything else stops the process with the setting's name. */
export function wholeSecondsSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
): number {
  const seconds = Number(env[name] || fallback);
  if (!Number.isInteger(seconds) || seconds < min)
    throw new Error(`${name} must be a whole number of seconds, at least ${min}.`);
  return seconds;
}
