import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { recordingLogger } from "../../test/support/recording-logger.js";
import { clientWentAway, createErrorFormatter } from "./format-error.js";

const errno = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe("masked errors", () => {
  it("a client that went away (EPIPE, ECONNRESET, abort) is logged at debug, anything else at error; both are masked", () => {
    const logger = recordingLogger();
    const format = createErrorFormatter({ logger });
    for (const cause of [errno("EPIPE"), errno("ECONNRESET"), Object.assign(new Error("aborted"), { name: "AbortError" }), new Error("boom")]) {
      const formatted = format({ message: cause.message, path: ["x"] }, new GraphQLError(cause.message, { originalError: cause }), "req-1");
      expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-1" });
    }
    expect(logger.entries.map((e) => e.level)).toEqual(["debug", "debug", "debug", "error"]);
    expect(clientWentAway(errno("ENOENT"))).toBe(false);
    expect(clientWentAway("EPIPE")).toBe(false);
  });
});

describe("parse failures", () => {
  it("a document too deep for the parser is explained, not reported as a stack overflow", () => {
    const format = createErrorFormatter({ logger: recordingLogger() });
    const deep = format({ message: "Syntax Error: Maximum call stack size exceeded", extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new GraphQLError("x", { extensions: { code: "GRAPHQL_PARSE_FAILED" } }), "r");
    expect(deep).toEqual({ message: expect.stringMatching(/^This document nests too deeply to be parsed/), extensions: { code: "GRAPHQL_PARSE_FAILED" } });
    const plain = format({ message: "Syntax Error: Expected Name, found <EOF>.", extensions: { code: "GRAPHQL_PARSE_FAILED" } }, new GraphQLError("x", { extensions: { code: "GRAPHQL_PARSE_FAILED" } }), "r");
    expect(plain.message).toBe("Syntax Error: Expected Name, found <EOF>.");
  });
});
