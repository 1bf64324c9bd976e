import { z } from "zod";
import { optionalId, stamps, wireId, wireText } from "./common.js";

/** https://www.clientary.com/api/clients and /api/leads (same fields). */
export const partySchema = z.object({
  id: wireId, number: z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? null : String(v))),
  name: z.string(), address: wireText, address_2: wireText, city: wireText, state: wireText, zip: wireText, country: wireText,
  website: wireText, description: wireText, status: z.union([z.number(), z.string()]).nullish(), ...stamps,
}).passthrough();
export type ClientaryParty = z.output<typeof partySchema>;

/** https://www.clientary.com/api/contacts and /api/staff. */
export const personSchema = z.object({
  id: wireId, client_id: optionalId, name: z.string(), email: wireText, title: wireText, phone: wireText, mobile: wireText, ext: wireText, ...stamps,
}).passthrough();
export type ClientaryPerson = z.output<typeof personSchema>;
