import { badUserInput } from "../errors/index.js";

/** What a global id encodes: which organization, which unified type, which provider record. */
export interface GlobalIdParts {
  organizationId: string;
  type: string;
  remoteId: string;
}

/** Opaque, URL-safe global id: base64url of `type:organizationId:remoteId`. */
export function toGlobalId({ organizationId, type, remoteId }: GlobalIdParts): string {
  return Buffer.from(`${type}:${organizationId}:${remoteId}`, "utf8").toString("base64url");
}

/** Longest global id accepted: a remote id of 255 characters with its type and organization fits well within it. */
export const MAX_GLOBAL_ID_LENGTH = 512;

export function fromGlobalId(id: string, field = "id"): GlobalIdParts {
  if (id.length > MAX_GLOBAL_ID_LENGTH) {
    throw badUserInput([{ field, message: `is ${id.length} characters long; Ledgerline ids have at most ${MAX_GLOBAL_ID_LENGTH}. Use the \`id\` field of a record returned by this API.` }]);
  }
  const text = Buffer.from(id, "base64url").toString("utf8");
  const first = text.indexOf(":");
  const second = first < 0 ? -1 : text.indexOf(":", first + 1);
  if (first <= 0 || second <= first + 1 || second === text.length - 1 || toGlobalId(split(text, first, second)) !== id) {
    throw badUserInput([{ field, message: `'${id}' is not a Ledgerline id; use the \`id\` field of a record returned by this API.` }]);
  }
  return split(text, first, second);
}

function split(text: string, first: number, second: number): GlobalIdParts {
  return { type: text.slice(0, first), organizationId: text.slice(first + 1, second), remoteId: text.slice(second + 1) };
}
