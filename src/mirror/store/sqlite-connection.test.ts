import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withPreparedStatements } from "./sqlite-connection.js";

describe("prepared statements kept per SQLite connection", () => {
  const database = new Database(":memory:");
  database.exec("create table t (n integer)");
  database.exec("insert into t values (1), (2), (3)");

  it("hands the same statement out again for the same SQL, and it still answers with new parameters", () => {
    const connection = withPreparedStatements(database);
    const first = connection.prepare("select n from t where n > ? order by n");
    const again = connection.prepare("select n from t where n > ? order by n");
    expect(again).toBe(first);
    expect(first.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(again.all([2])).toEqual([{ n: 3 }]);
  });

  it("never hands out a statement that is still being iterated", () => {
    const connection = withPreparedStatements(database);
    const sql = "select n from t order by n";
    const streaming = connection.prepare(sql);
    const iterator = streaming.iterate([]);
    expect(iterator.next().value).toEqual({ n: 1 });
    const other = connection.prepare(sql);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(iterator.next().value).toEqual({ n: 2 });
    iterator.return?.();
    expect(connection.prepare(sql)).toBe(streaming);
  });

  it("keeps at most the given number of statements, dropping the least recently used", () => {
    const connection = withPreparedStatements(database, 2);
    const a = connection.prepare("select 1");
    const b = connection.prepare("select 2");
    expect(connection.prepare("select 1")).toBe(a);
    connection.prepare("select 3");
    expect(connection.prepare("select 1")).toBe(a);
    expect(connection.prepare("select 2")).not.toBe(b);
  });
});
