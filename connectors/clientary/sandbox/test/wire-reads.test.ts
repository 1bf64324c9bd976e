import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientarySandbox } from "../server.js";
import { call, startSandbox } from "./harness.js";

let sandbox: ClientarySandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("auth", () => {
  it.each([
    ["no Authorization", null],
    ["a wrong token", "nope"],
  ])("refuses %s with 401 and a Basic challenge", async (_label, token) => {
    const res = await call(sandbox, "/clients", { token });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("accepts the token as user name and password, with or without .json", async () => {
    expect((await call(sandbox, "/clients")).status).toBe(200);
    expect((await call(sandbox, "/clients.json")).status).toBe(200);
  });
});

describe("list envelopes and paging", () => {
  it.each([
    ["/clients", "clients", 10],
    ["/contacts", "contacts", 10],
    ["/leads", "leads", 20],
    ["/projects", "projects", 20],
    ["/invoices", "invoices", 30],
    ["/estimates", "estimates", 30],
    ["/payments", "payments", 30],
    ["/tasks", "tasks", 50],
  ])("%s wraps %s with page_count/page_size/total_count, default page size %i", async (path, key, size) => {
    const { json } = await call(sandbox, path);
    expect(Object.keys(json).sort()).toEqual(["page_count", "page_size", "total_count", key].sort());
    expect(json.page_size).toBe(size);
    expect(json[key].length).toBe(Math.min(size, json.total_count));
    expect(json.page_count).toBe(Math.ceil(json.total_count / size));
  });

  it("scopes project lists to a client with a page size of 10", async () => {
    const client = sandbox.books.projects[0]!.client_id;
    const { json } = await call(sandbox, `/clients/${client}/projects?filter=all`);
    expect(json.page_size).toBe(10);
    expect(json.projects.every((p: { client: { id: number } }) => p.client.id === client)).toBe(true);
  });

  it("pages invoices without overlap up to page_count, capping page_size at 100", async () => {
    const first = await call(sandbox, "/invoices?page_size=500");
    expect(first.json.page_size).toBe(100);
    const ids: number[] = [];
    for (let page = 1; page <= first.json.page_count; page++) ids.push(...(await call(sandbox, `/invoices?page=${page}&page_size=100`)).json.invoices.map((i: { id: number }) => i.id));
    expect(ids).toHaveLength(first.json.total_count);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await call(sandbox, `/invoices?page=${first.json.page_count + 1}&page_size=100`)).json.invoices).toEqual([]);
  });

  it("lists hours per project and staff whole, without paging keys", async () => {
    const project = sandbox.books.projects[0]!.id;
    expect(Object.keys((await call(sandbox, `/projects/${project}/hours`)).json)).toEqual(["hours"]);
    expect((await call(sandbox, "/staff")).json.staff).toHaveLength(sandbox.books.staff.length);
  });

  it("filters hours by billed and unbilled", async () => {
    const project = sandbox.books.projects[0]!.id;
    const all = (await call(sandbox, `/projects/${project}/hours`)).json.hours.length;
    const billed = (await call(sandbox, `/projects/${project}/hours?filter=billed`)).json.hours;
    const unbilled = (await call(sandbox, `/projects/${project}/hours?filter=unbilled`)).json.hours;
    expect(billed.length + unbilled.length).toBe(all);
    expect(billed.every((h: Record<string, unknown>) => h["billed?"] === true)).toBe(true);
  });

  it("hides completed projects unless filter=all", async () => {
    const open = (await call(sandbox, "/projects?page_size=100")).json.total_count;
    const all = (await call(sandbox, "/projects?filter=all&page_size=100")).json.total_count;
    expect(all).toBe(sandbox.books.projects.length);
    expect(open).toBeLessThan(all);
  });
});

describe("filters", () => {
  it.each(["clients", "invoices"])("%s honours updated_since by day", async (key) => {
    const since = "2026-09-01";
    const { json } = await call(sandbox, `/${key}?updated_since=${since}&page_size=100`);
    const books = sandbox.books[key as "clients" | "invoices"];
    expect(json.total_count).toBe(books.filter((r) => r.updated_at.slice(0, 10) >= since).length);
    expect(json.total_count).toBeGreaterThan(0);
    expect(json.total_count).toBeLessThan(books.length);
  });

  it("answers 422 for a malformed updated_since", async () => {
    const res = await call(sandbox, "/invoices?updated_since=yesterday");
    expect(res.status).toBe(422);
    expect(res.json).toEqual({ errors: { updated_since: ["must be a date (YYYY-MM-DD)"] } });
  });

  it("serves expenses for the current year by default, and any from_date..to_date window", async () => {
    const year = await call(sandbox, "/expenses");
    expect(year.json).toMatchObject({ from_date: "2026-01-01", to_date: "2026-12-31" });
    expect(year.json.expenses.every((e: { incurred_on: string }) => e.incurred_on.startsWith("2026/"))).toBe(true);
    const all = await call(sandbox, "/expenses?from_date=2000-01-01&to_date=2030-12-31");
    expect(all.json.total_count).toBe(sandbox.books.expenses.length);
    expect(all.json.expenses).toHaveLength(all.json.total_count);
    expect(Object.keys(all.json).sort()).toEqual(["expenses", "from_date", "to_date", "total_count"]);
  });
});

describe("single records", () => {
  it.each(["clients", "contacts", "leads", "invoices", "estimates", "expenses", "projects", "tasks", "staff"])("GET /%s/:id answers the bare record", async (key) => {
    const record = (sandbox.books as unknown as Record<string, Array<{ id: number }>>)[key]![0]!;
    const res = await call(sandbox, `/${key}/${record.id}`);
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(record.id);
  });

  it("answers hours with their billed? flag and cost", async () => {
    const hour = sandbox.books.hours[0]!;
    const { json } = await call(sandbox, `/hours/${hour.id}`);
    expect(json).toMatchObject({ id: hour.id, "billed?": hour["billed?"], cost: expect.any(Number) });
  });

  it.each(["/invoices/999999", "/clients/abc", "/nothing/here", "/clients/999999/invoices"])("%s is a 404", async (path) => {
    const res = await call(sandbox, path);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: "Not Found" });
  });

  it("serves invoices with payments, total_payments and balance", async () => {
    const { json } = await call(sandbox, "/invoices?page_size=100&page=1");
    for (const invoice of json.invoices) {
      const paid = invoice.payments.reduce((s: number, p: { amount: number }) => s + p.amount, 0);
      expect(invoice.total_payments).toBeCloseTo(paid, 2);
      expect(invoice.balance).toBeCloseTo(invoice.total_cost - paid, 2);
      expect(invoice.date).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    }
  });
});
