import { z } from "zod";
import { optionalId, stamps, wireFlag, wireId, wireNumber, wireText } from "./common.js";

/** https://www.clientary.com/api/projects */
export const projectSchema = z.object({
  id: wireId, number: z.union([z.string(), z.number()]).nullish(), name: z.string(), description: wireText, status: z.union([z.number(), z.string()]).nullish(),
  project_type: wireNumber, budget_type: wireNumber, budget: wireNumber, rate: wireNumber, currency_code: wireText, start_date: wireText, end_date: wireText,
  client_id: optionalId, client: z.object({ id: wireId, name: wireText }).passthrough().nullish(), ...stamps,
}).passthrough();
export type ClientaryProject = z.output<typeof projectSchema>;

/** https://www.clientary.com/api/tasks (`complete`, or `completed` as the update example writes it). */
export const taskSchema = z.object({
  id: wireId, title: z.string(), description: wireText, complete: wireFlag, completed: wireFlag, completed_at: wireText, due_date: wireText,
  project_id: optionalId, client_id: optionalId, assignee_id: optionalId, user_id: optionalId, ...stamps,
}).passthrough();
export type ClientaryTask = z.output<typeof taskSchema>;

/** https://www.clientary.com/api/hours (the billed flag's key ends in "?"). */
export const hourSchema = z.object({
  id: wireId, project_id: optionalId, user_id: optionalId, title: wireText, description: wireText, date: wireText, hours: wireNumber, rate: wireNumber,
  cost: wireNumber, "billed?": wireFlag, billed: wireFlag, ...stamps,
}).passthrough();
export type ClientaryHour = z.output<typeof hourSchema>;
