/**
 * Reads a (possibly nested) field of a stored record, as `where`, `order` and the batch filters
 * name them: `Contact.ContactID`. An exact key wins; otherwise the key is matched case-insensitively.
 */
export function fieldAt(record: unknown, path: string | string[]): unknown {
  let current = record;
  for (const segment of typeof path === "string" ? path.split(".") : path) {
    if (current === null || typeof current !== "object") return undefined;
    const obj = current as Record<string, unknown>;
    const key = segment in obj ? segment : Object.keys(obj).find((k) => k.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? undefined : obj[key];
  }
  return current;
}
