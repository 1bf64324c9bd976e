import type { EntityName } from "../connector/entities.js";
import { badUserInput, type FieldProblem } from "../errors/index.js";

/** What one provider's record ids look like: a pattern and the words a message uses for it. */
export interface RemoteIdShape {
  pattern: RegExp;
  /** e.g. "a GUID such as 8f1c2e6a-3b4d-4c5e-9f60-7a8b9c0d1e2f" */
  describe: string;
}

/** A connector's id shapes (declared in its capabilities): one for most entities, others where they differ. */
export interface RemoteIdShapes {
  default: RemoteIdShape;
  byEntity?: Partial<Record<EntityName, RemoteIdShape>>;
}

/** Upper bound on any remote id, whatever the connector declares. */
export const MAX_REMOTE_ID_LENGTH = 255;

export const GUID: RemoteIdShape = {
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  describe: "a GUID such as 8f1c2e6a-3b4d-4c5e-9f60-7a8b9c0d1e2f",
};

export const NUMERIC_ID: RemoteIdShape = { pattern: /^[0-9]{1,20}$/, describe: "a number such as 1042" };

/**
 * What is wrong with `remoteId` as an id of `entity` at this provider, or undefined when it fits.
 * Checked before any upstream call, so a forged id (`guid1,guid2` widening an `IDs=` filter, a path
 * segment, a 100,000-character string) never reaches the provider.
 */
export function remoteIdProblem(shapes: RemoteIdShapes | undefined, provider: string, entity: EntityName, remoteId: string): string | undefined {
  if (remoteId.length > MAX_REMOTE_ID_LENGTH) return `refers to a record id of ${remoteId.length} characters; ids have at most ${MAX_REMOTE_ID_LENGTH}.`;
  const shape = shapes?.byEntity?.[entity] ?? shapes?.default;
  if (!shape || shape.pattern.test(remoteId)) return undefined;
  return `refers to a ${entity} id that ${provider} cannot have: ${provider} ${entity} ids are ${shape.describe}. Use the \`id\` of a record returned by this API.`;
}

/** Throws one BAD_USER_INPUT naming each id that does not fit; `fieldOf(i)` names the field of the i-th id. */
export function requireRemoteIds(shapes: RemoteIdShapes | undefined, provider: string, entity: EntityName, remoteIds: readonly string[], fieldOf: (i: number) => string): void {
  const problems: FieldProblem[] = [];
  remoteIds.forEach((id, i) => {
    const message = remoteIdProblem(shapes, provider, entity, id);
    if (message) problems.push({ field: fieldOf(i), message });
  });
  if (problems.length) throw badUserInput(problems);
}

/** The entity a `<name>RemoteId` key of a connector-neutral write input refers to. */
const INPUT_ID_ENTITIES: Readonly<Record<string, EntityName>> = {
  contact: "Contact", document: "Invoice", creditNote: "CreditNote", item: "Item", project: "Project", task: "Task", staff: "Staff", assignee: "Staff",
};

/**
 * Checks the record ids inside a write's connector-neutral input (`contactRemoteId`, `documentRemoteId`,
 * `lines[i].…`): each came from a global id the client sent. Problems are named as the schema names
 * the field (`input.contactId`, `input.lines[0].itemId`). `handles` says which entities the provider has.
 */
export function requireInputRemoteIds(shapes: RemoteIdShapes | undefined, provider: string, input: unknown, handles: (entity: EntityName) => boolean = () => true): void {
  const problems: FieldProblem[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) {
        const entity = INPUT_ID_ENTITIES[/^(\w+)RemoteId$/.exec(key)?.[1] ?? ""];
        const field = `${path}.${key.replace(/RemoteId$/, "Id")}`;
        // An id of an entity the provider does not have at all is left to the connector's NOT_SUPPORTED, which says more.
        if (entity && typeof v === "string") {
          if (!handles(entity)) continue;
          const message = remoteIdProblem(shapes, provider, entity, v);
          if (message) problems.push({ field, message });
        } else if (v && typeof v === "object") walk(v, field);
      }
    }
  };
  walk(input, "input");
  if (problems.length) throw badUserInput(problems);
}
