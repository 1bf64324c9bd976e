import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../open-mirror-store.js";

describe("parseDatabaseUrl", () => {
  it("reads sqlite and postgres locations", () => {
    expect(parseDatabaseUrl("sqlite:///var/lib/ledgerline/mirror.sqlite")).toEqual({ ok: true, location: { kind: "sqlite", file: "/var/lib/ledgerline/mirror.sqlite" } });
    expect(parseDatabaseUrl("sqlite://data/mirror.sqlite")).toEqual({ ok: true, location: { kind: "sqlite", file: "data/mirror.sqlite" } });
    expect(parseDatabaseUrl("sqlite://:memory:")).toEqual({ ok: true, location: { kind: "sqlite", file: ":memory:" } });
    expect(parseDatabaseUrl("postgres://u:p@db:5432/books")).toEqual({ ok: true, location: { kind: "postgres", url: "postgres://u:p@db:5432/books" } });
    expect(parseDatabaseUrl("postgresql://db/books?schema=mirror_1&sslmode=require")).toEqual({
      ok: true,
      location: { kind: "postgres", url: "postgresql://db/books?sslmode=require", schema: "mirror_1" },
    });
  });

  it("explains what is wrong without showing the password", () => {
    const problems = [
      parseDatabaseUrl("sqlite://"),
      parseDatabaseUrl("mysql://u:secret@db/books"),
      parseDatabaseUrl("postgres://u:secret@db/books?schema=Bad-Name"),
      parseDatabaseUrl("postgres://u:secret@:5432/books"),
    ];
    for (const result of problems) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem).not.toContain("secret");
        expect(result.problem.length).toBeGreaterThan(20);
      }
    }
    expect(problems[1]).toMatchObject({ problem: expect.stringContaining("u:***@db") });
    expect(problems[2]).toMatchObject({ problem: expect.stringContaining("Bad-Name") });
  });
});
