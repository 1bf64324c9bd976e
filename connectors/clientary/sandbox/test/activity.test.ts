import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createSandboxActivity, type ActivityKind } from "../activity/activity.js";
import { seedBooks } from "../books/seed.js";
import { createStaff } from "../books/writes/staff.js";
import { loadBooks } from "../state/persistence.js";
import { inconsistencies } from "./books-consistency.js";
import { call, FIXED_NOW, startSandbox } from "./harness.js";

const DAY = FIXED_NOW.toISOString().slice(0, 10);
const ALL_KINDS: ActivityKind[] = [
  "client.created", "lead.created", "staff.created", "project.created", "task.created", "hours.logged", "estimate.created",
  "invoice.created", "invoice.sent", "invoice.updated", "invoice.deleted", "payment.received", "expense.created",
];

/** An activity over fresh seeded books, on the fixed clock, with no server. */
function simulate(seed: number) {
  const books = seedBooks(11, DAY);
  return { books, activity: createSandboxActivity({ books, now: () => FIXED_NOW, changed: () => {} }, { seed }) };
}

describe("activity simulator", () => {
  it("takes the same steps from the same seed, and other steps from another seed", () => {
    const [a, b, c] = [simulate(7), simulate(7), simulate(8)];
    const steps = a.activity.step(120);
    expect(b.activity.step(120)).toEqual(steps);
    expect(b.books).toEqual(a.books);
    expect(c.activity.step(120)).not.toEqual(steps);
    expect(a.activity.steps).toBe(120);
  });

  it("does every kind of business over 300 steps, keeping the books consistent", () => {
    const { books, activity } = simulate(3);
    expect(inconsistencies(books)).toEqual([]);
    const kinds = new Set(activity.step(300).map((change) => change.kind));
    expect([...kinds].sort()).toEqual([...ALL_KINDS].sort());
    expect(inconsistencies(books)).toEqual([]);
  });

  it("refuses an invalid pace or step count", () => {
    const { activity } = simulate(1);
    expect(() => activity.start(0)).toThrow(RangeError);
    expect(() => activity.step(-1)).toThrow(RangeError);
    expect(activity.running).toBe(false);
  });
});

describe("staff write (sandbox-internal)", () => {
  it("requires a name and a unique, valid email", () => {
    const books = seedBooks(11, DAY);
    expect(createStaff(books, { name: "Ada Moss", email: "Ada@brightpixel.example", title: "Designer" }, FIXED_NOW)).toMatchObject({ id: books.staff.length, email: "ada@brightpixel.example", title: "Designer" });
    expect(() => createStaff(books, { name: "Ada Again", email: "ada@brightpixel.example" }, FIXED_NOW)).toThrow(/422/);
    expect(() => createStaff(books, { email: "nobody" }, FIXED_NOW)).toThrow(/422/);
  });
});

describe("activity timer", () => {
  it("steps at the configured pace once started, and not after stop() or close()", async () => {
    const sandbox = await startSandbox({ activity: { everyMs: 5, seed: 4 } });
    try {
      expect(sandbox.activity.running).toBe(true);
      await vi.waitFor(() => expect(sandbox.activity.steps).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 10 });
      sandbox.activity.stop();
      const stopped = sandbox.activity.steps;
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(sandbox.activity).toMatchObject({ running: false, steps: stopped, failures: 0 });

      sandbox.activity.start(5);
      await vi.waitFor(() => expect(sandbox.activity.steps).toBeGreaterThan(stopped), { timeout: 5_000, interval: 10 });
    } finally {
      await sandbox.close();
    }
    const closed = sandbox.activity.steps;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(sandbox.activity).toMatchObject({ running: false, steps: closed });
    expect(inconsistencies(sandbox.books)).toEqual([]);
  });

  it("is off unless configured", async () => {
    const sandbox = await startSandbox();
    await sandbox.close();
    expect(sandbox.activity).toMatchObject({ running: false, steps: 0 });
  });
});

describe("activity persistence", () => {
  it("saves what the activity did to the data file, served again after a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "clientary-activity-"));
    const dataFile = path.join(dir, "books.json");
    try {
      const first = await startSandbox({ dataFile });
      const changes = first.activity.step(40);
      await first.close();
      expect(loadBooks(dataFile)).toEqual(JSON.parse(JSON.stringify(first.books)));
      const second = await startSandbox({ dataFile });
      const client = changes.find((c) => c.entity === "client" || c.entity === "lead")!;
      expect((await call(second, `/${client.entity}s/${client.id}`)).status).toBe(200);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
