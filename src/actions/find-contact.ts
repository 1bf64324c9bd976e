import type { ConnectorAdapter } from "../connector/adapter.js";
import type { Contact } from "../../schema/contact/contact.type.js";
import { supports } from "../connector/capabilities.js";

export type ContactMatchField = "EMAIL" | "ACCOUNT_NUMBER" | "NAME";

export interface ContactLookup {
  email?: string | null;
  accountNumber?: string | null;
  name?: string | null;
}

/** Most contacts read when the provider cannot search for the field: beyond it the lookup says so. */
export const MAX_SCANNED_CONTACTS = 2000;

const same = (a: string | null | undefined, b: string) => !!a && a.trim().toLowerCase() === b.trim().toLowerCase();

const FIELDS: Array<{ field: ContactMatchField; value: (l: ContactLookup) => string | null | undefined; of: (c: Contact) => string | null | undefined; searchable: boolean }> = [
  { field: "EMAIL", value: (l) => l.email, of: (c) => c.email, searchable: true },
  { field: "ACCOUNT_NUMBER", value: (l) => l.accountNumber, of: (c) => c.accountNumber, searchable: false },
  { field: "NAME", value: (l) => l.name, of: (c) => c.name, searchable: true },
];

export interface ContactMatch {
  contact: Contact | null;
  matchedBy: ContactMatchField | null;
  /** True when the provider could not search and more contacts exist than the lookup reads. */
  incomplete: boolean;
}

/**
 * Finds one contact by email, then account number, then name (exact, case-insensitive), using the
 * provider's search where it has one and reading the list otherwise.
 */
export async function findContact(adapter: Pick<ConnectorAdapter, "list" | "capabilities">, lookup: ContactLookup): Promise<ContactMatch> {
  const canSearch = (adapter.capabilities.entities.Contact?.filters ?? []).includes("search") && supports(adapter.capabilities, "Contact", "list");
  let scanned: { contacts: Contact[]; incomplete: boolean } | undefined;
  const scan = async () => (scanned ??= await readContacts(adapter));
  for (const { field, value, of, searchable } of FIELDS) {
    const wanted = value(lookup)?.trim();
    if (!wanted) continue;
    const candidates = searchable && canSearch ? (await adapter.list("Contact", { first: 100, offset: 0, filter: { search: wanted } })).items : (await scan()).contacts;
    const found = candidates.find((c) => same(of(c), wanted));
    if (found) return { contact: found, matchedBy: field, incomplete: false };
  }
  return { contact: null, matchedBy: null, incomplete: scanned?.incomplete ?? false };
}

async function readContacts(adapter: Pick<ConnectorAdapter, "list">): Promise<{ contacts: Contact[]; incomplete: boolean }> {
  const contacts: Contact[] = [];
  for (let offset = 0; offset < MAX_SCANNED_CONTACTS; offset += 200) {
    const page = await adapter.list("Contact", { first: 200, offset, filter: {} });
    contacts.push(...page.items);
    if (!page.hasNextPage) return { contacts, incomplete: false };
  }
  return { contacts, incomplete: true };
}
