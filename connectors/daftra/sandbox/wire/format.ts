/** Wire formatting: Daftra sends ids and most numbers as strings and document dates in the account's display format. */
import { Decimal } from "decimal.js";

export const str = (value: number | string | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** Amounts as Daftra stores them: four decimals, as a string ("32999.9961"). */
export const amount4 = (value: string) => new Decimal(value).toFixed(4);

/** "2026-09-25" in the display format, e.g. "dd/mm/yyyy" → "25/09/2026". */
export function displayDate(isoDate: string, format: string): string {
  const [y, m, d] = isoDate.split("-") as [string, string, string];
  return format.replace("yyyy", y).replace("mm", m).replace("dd", d);
}

/** Payments carry a datetime ("2026-05-02 00:00:00"). */
export const dateTime = (isoDate: string) => `${isoDate} 00:00:00`;

/** Date format codes as `/listing/dateFormats` lists them (assumption: codes and order). */
export const DATE_FORMATS: Record<string, string> = {
  "0": "dd/mm/yyyy",
  "1": "mm/dd/yyyy",
  "2": "yyyy-mm-dd",
  "3": "dd-mm-yyyy",
  "4": "yyyy/mm/dd",
};

export const dateFormatCode = (format: string) => Object.keys(DATE_FORMATS).find((code) => DATE_FORMATS[code] === format) ?? "0";
