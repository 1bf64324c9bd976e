/** Reading write bodies: strings and numbers as Rails would cast them. */
export const text = (value: unknown): string | null => (value === undefined || value === null || value === "" ? null : String(value));

export const numberOf = (value: unknown): number | undefined => {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : Number.NaN;
};

export const truthy = (value: unknown) => value === true || value === "true" || value === 1 || value === "1";

export const stampOf = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, "Z");
