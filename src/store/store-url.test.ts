import { describe, expect, it } from "vitest";
import { redact } from "./store-url.js";

describe("redact", () => {
  it("hides a password in the user part and in query parameters, keeping the rest readable", () => {
    expect(redact("redis://:hunter2@cache:6379/2")).toBe("redis://:***@cache:6379/2");
    expect(redact("postgres://me:hunter2@db:5432/books?schema=ll")).toBe("postgres://me:***@db:5432/books?schema=ll");
    expect(redact("postgres://me@db/books?password=hunter2&schema=ll")).toBe("postgres://me@db/books?password=***&schema=ll");
    expect(redact("postgres://db/books?sslmode=require&PGPASSWORD=x1&sslkey=/k&api_token=t")).toBe("postgres://db/books?sslmode=require&PGPASSWORD=***&sslkey=***&api_token=***");
    expect(redact("sqlite:///tmp/ledgerline.sqlite")).toBe("sqlite:///tmp/ledgerline.sqlite");
  });
});
