type ListValues = Record<string, string | number | undefined>;

/** A list's URL with the values that are set, page 1 left out: for pager links and exports. */
export function listHref(path: string, values: ListValues): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) query.set(key, String(value));
  return query.size ? `${path}?${query}` : path;
}
