import { describe, expect, it } from "vitest";
import { readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { printSchema, lexicographicSortSchema } from "graphql";
import { buildGatewaySchema } from "../schema/build-schema.js";

describe("the unified schema", () => {
  it("matches the committed schema/schema.graphql (run `npm run emit` after changing types)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ll-schema-"));
    const file = path.join(dir, "schema.graphql");
    await buildGatewaySchema({ emitSchemaTo: file });
    const fresh = await readFile(file, "utf8");
    const committed = await readFile("schema/schema.graphql", "utf8");
    expect(committed).toBe(fresh);
  });

  it("exposes every unified type through the Node interface", async () => {
    const schema = await buildGatewaySchema();
    const sdl = printSchema(lexicographicSortSchema(schema));
    for (const type of ["Contact", "Invoice", "Bill", "Payment", "Quote", "CreditNote", "PurchaseOrder", "Item", "Account", "TaxRate", "TrackingCategory", "BankTransaction"]) {
      expect(sdl).toContain(`type ${type} implements Node`);
    }
  });
});
