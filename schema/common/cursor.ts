import { badUserInput } from "../../src/errors/index.js";

/** Opaque Relay cursor: the zero-based position in the filtered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined | null): number {
  if (cursor === undefined || cursor === null) return 0;
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw badUserInput([{ field: "after", message: "is not a cursor from this API; pass pageInfo.endCursor of the previous page." }]);
  return Number(match[1]) + 1;
}
