/** Day arithmetic for the seed, on UTC calendar days ("YYYY-MM-DD"). */
const DAY_MS = 86_400_000;

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Clientary's documented rendering of accounting dates: "2011/07/26". */
export const slashDate = (day: string) => day.replace(/-/g, "/");

export const dashDate = (wire: string) => wire.replace(/\//g, "-").slice(0, 10);

/** An ISO timestamp on `day` at a seeded hour. */
export const stampOn = (day: string, hour: number) => `${day}T${String(hour % 24).padStart(2, "0")}:${String((hour * 7) % 60).padStart(2, "0")}:00Z`;
