/**
 * The living sandbox seen through the Accounting API: after every simulated step the record it
 * wrote reads back with the status the step reports, and the Balance Sheet still balances.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { Decimal } from "../books/money.js";
import { rowValues } from "../books/test-support.js";
import type { ActivityEntity } from "../activity/simulator.js";
import type { XeroSandbox } from "../server.js";
import { api, clientCredentialsToken, startSandbox } from "./harness.js";

let sandbox: XeroSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ limits: { perMinute: 100_000, perDay: 100_000 }, seed: 21 });
  token = await clientCredentialsToken(sandbox);
});
afterAll(() => sandbox.close());

const STATUS_FIELD: Partial<Record<ActivityEntity, string>> = { Contact: "ContactStatus" };

test("every one of 200 steps shows in an API read right after it, and the books still balance", async () => {
  for (let i = 0; i < 200; i++) {
    const [action] = sandbox.activity.step();
    const plural = `${action!.entity}s`;
    const res = await api(sandbox, token, `/${plural}/${action!.id}`);
    expect(res.status, `${action!.kind} ${action!.id}`).toBe(200);
    const record = res.json[plural][0];
    expect(record[STATUS_FIELD[action!.entity] ?? "Status"], `${action!.kind}: ${action!.summary}`).toBe(action!.status);
  }
  expect(sandbox.activity.stats()).toMatchObject({ steps: 200, refused: 0 });

  const report = (await api(sandbox, token, "/Reports/BalanceSheet")).json.Reports[0];
  const [assets, liabilities, equity] = ["Total Assets", "Total Liabilities", "Total Equity"].map((label) => new Decimal(rowValues(report, label)[0]!));
  expect(assets!.minus(liabilities!).toFixed(2)).toBe(equity!.toFixed(2));
});

test("a sandbox started with activity steps on its own until closed", async () => {
  const living = await startSandbox({ activity: { everyMs: 10, seed: 4 } });
  expect(living.activity.running).toBe(true);
  for (let i = 0; i < 300 && living.activity.stats().steps === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await living.close();
  expect(living.activity.running).toBe(false);
  expect(living.activity.stats().steps).toBeGreaterThan(0);
});
