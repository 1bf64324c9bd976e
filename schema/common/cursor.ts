import { badUserInput } from "../../src/errors/index.js";
import type { MirrorPosition } from "../../src/mirror/mirror-store.js";

/**
 * Opaque Relay cursors, which say which source made them: a live page's cursor is its position in
 * the provider's filtered list (base64url of `offset:N`); a mirror page's cursor is `m:` followed by
 * base64url JSON of the keyset position (`MirrorPosition`). The two never look alike (`:` is not a
 * base64url character), so the next page can be read from the source that made the cursor.
 */
export type PageCursor = { kind: "offset"; offset: number } | { kind: "mirror"; position: MirrorPosition };

const MIRROR_PREFIX = "m:";
/** Longest remote id a mirror cursor carries (ids are checked to at most 255 characters elsewhere). */
const MAX_REMOTE_ID = 255;

/** A live page's cursor: the zero-based position of the record in the filtered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, "utf8").toString("base64url");
}

/** A mirror page's cursor: the keyset position of the record (its sort value and remote id). */
export function encodeMirrorCursor(position: MirrorPosition): string {
  const canonical: MirrorPosition = { sortValue: position.sortValue, remoteId: position.remoteId };
  return MIRROR_PREFIX + Buffer.from(JSON.stringify(canonical), "utf8").toString("base64url");
}

/**
 * Reads a cursor from `after`: undefined when none was given, otherwise which kind it is and where
 * the next page starts. Anything this API did not make (including a re-spelled copy of one it did)
 * is BAD_USER_INPUT on `after`.
 */
export function decodePageCursor(cursor: string | undefined | null): PageCursor | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  if (cursor.startsWith(MIRROR_PREFIX)) {
    const position = mirrorPositionOf(cursor.slice(MIRROR_PREFIX.length));
    if (!position || encodeMirrorCursor(position) !== cursor) throw notACursor();
    return { kind: "mirror", position };
  }
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || encodeCursor(Number(match[1])) !== cursor) throw notACursor();
  return { kind: "offset", offset: Number(match[1]) + 1 };
}

/** The offset the next live page starts at (0 without a cursor); a mirror cursor is refused. */
export function decodeCursor(cursor: string | undefined | null): number {
  const decoded = decodePageCursor(cursor);
  if (decoded?.kind === "mirror") throw wrongCursorKind("LIVE");
  return decoded?.offset ?? 0;
}

/**
 * BAD_USER_INPUT on `after` for a cursor of the other source: `source` is what the request asked
 * for, and the message says how to go on.
 */
export function wrongCursorKind(source: "LIVE" | "MIRROR"): ReturnType<typeof badUserInput> {
  const message =
    source === "LIVE"
      ? "is a cursor of a page read from the mirror, and this list asks for source: LIVE; continue it with source: AUTO or MIRROR (as it was read), or start the LIVE list again without after."
      : "is a cursor of a page read from the provider (live), and this list asks for source: MIRROR; continue it with source: AUTO or LIVE (as it was read), or start the MIRROR list again without after.";
  return badUserInput([{ field: "after", message }]);
}

function notACursor() {
  return badUserInput([{ field: "after", message: "is not a cursor from this API; pass pageInfo.endCursor of the previous page of the same list." }]);
}

function mirrorPositionOf(encoded: string): MirrorPosition | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const { sortValue, remoteId } = parsed as Record<string, unknown>;
  if (typeof remoteId !== "string" || remoteId.length === 0 || remoteId.length > MAX_REMOTE_ID) return undefined;
  if (sortValue !== null && typeof sortValue !== "string") return undefined;
  return { sortValue, remoteId };
}
