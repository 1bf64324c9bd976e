import type { ClientaryBooks, StaffRecord } from "../types.js";

/** The staff member the API token belongs to: the account owner, the first staff member. Writes are attributed to them. */
export const tokenUser = (books: ClientaryBooks): StaffRecord => books.staff[0]!;
