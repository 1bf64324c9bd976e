import type { ClientaryBooks, StaffRecord } from "../types.js";
import { nextId } from "../seed/context.js";
import { fieldErrors, stampOf, text } from "./fields.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PERSON_TEXT = ["title", "phone", "mobile", "ext"] as const;

/**
 * Adds a staff member. Clientary's API only reads staff (GET /staff), so no route calls this: it
 * is the sandbox's own write, used by the activity simulator (a new hire in the account's web app).
 * `name` and a valid `email` required; the email is each staff member's login, so it is unique.
 */
export function createStaff(books: ClientaryBooks, body: Record<string, unknown>, now: Date): StaffRecord {
  const errors = fieldErrors();
  const email = text(body.email)?.trim().toLowerCase();
  if (!text(body.name)) errors.add("name", "can't be blank");
  if (!email) errors.add("email", "can't be blank");
  else if (!EMAIL.test(email)) errors.add("email", "is not a valid email address");
  else if (books.staff.some((s) => s.email.toLowerCase() === email)) errors.add("email", "has already been taken");
  errors.check();
  const stamp = stampOf(now);
  const member: StaffRecord = { id: nextId(books, "staff"), created_at: stamp, updated_at: stamp, name: text(body.name)!, email: email!, title: null, phone: null, mobile: null, ext: null, avatar: null };
  for (const key of PERSON_TEXT) member[key] = text(body[key]);
  books.staff.push(member);
  return member;
}
