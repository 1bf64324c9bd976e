/**
 * Recursive-descent parser for Xero's `where` filter.
 *
 *   expr       := and ( ("OR" | "||") and )*
 *   and        := unary ( ("AND" | "&&") unary )*
 *   unary      := ("!" | "NOT") unary | "(" expr ")" | comparison
 *   comparison := operand ( compareOp operand )?        -- a bare path tests truthiness
 *   operand    := literal | path ( "." Method "(" string ")" )?
 *   literal    := string | number | true | false | null | Guid("…") | DateTime(y, m, d[, h, mi, s])
 *
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#retrieving-filtered-results
 */
import type { CompareOp, Literal, Operand, StringMethod, WhereNode } from "./where-ast.js";
import { tokenize, WhereSyntaxError, type Token, type TokenKind } from "./where-lexer.js";

const COMPARE: Record<string, CompareOp> = {
  "==": "==", "=": "==", "!=": "!=", "<>": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=",
};
const METHODS: StringMethod[] = ["Contains", "StartsWith", "EndsWith"];

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): WhereNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== "eof") throw this.error("Expected AND, OR or the end of the expression", next);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private expect(kind: TokenKind, what: string): Token {
    const token = this.next();
    if (token.kind !== kind) throw this.error(`Expected ${what}`, token);
    return token;
  }

  private error(message: string, token: Token): WhereSyntaxError {
    const found = token.kind === "eof" ? "end of expression" : `'${token.text}'`;
    return new WhereSyntaxError(`${message}, found ${found}`, token.pos);
  }

  private isKeyword(words: string[], ops: string[]): boolean {
    const token = this.peek();
    return (token.kind === "ident" && words.includes(token.text.toUpperCase())) || (token.kind === "op" && ops.includes(token.text));
  }

  private parseOr(): WhereNode {
    let left = this.parseAnd();
    while (this.isKeyword(["OR"], ["||"])) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): WhereNode {
    let left = this.parseUnary();
    while (this.isKeyword(["AND"], ["&&"])) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): WhereNode {
    const token = this.peek();
    if (token.kind === "!" || (token.kind === "ident" && token.text.toUpperCase() === "NOT")) {
      this.next();
      return { kind: "not", operand: this.parseUnary() };
    }
    if (token.kind === "(") {
      this.next();
      const inner = this.parseOr();
      this.expect(")", "')'");
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): WhereNode {
    const left = this.parseOperand();
    if (left.kind === "method") return left;
    const token = this.peek();
    const op = token.kind === "op" ? COMPARE[token.text] : undefined;
    if (!op) {
      if (left.kind === "path") return { kind: "truthy", path: left.path };
      throw this.error("Expected a comparison operator after a literal", token);
    }
    this.next();
    const right = this.parseOperand();
    if (right.kind === "method") throw new WhereSyntaxError("A string method cannot be compared", token.pos);
    return { kind: "compare", op, left, right };
  }

  private parseOperand(): Operand | Extract<WhereNode, { kind: "method" }> {
    const token = this.next();
    if (token.kind === "string") return literal({ kind: "string", value: token.text });
    if (token.kind === "number") return literal({ kind: "number", value: Number(token.text) });
    if (token.kind !== "ident") throw this.error("Expected a field name or a value", token);
    const word = token.text.toLowerCase();
    if (word === "true" || word === "false") return literal({ kind: "boolean", value: word === "true" });
    if (word === "null") return literal({ kind: "null" });
    if (word === "guid" && this.peek().kind === "(") return literal(this.parseGuid());
    if (word === "datetime" && this.peek().kind === "(") return literal(this.parseDateTime(token));
    const path = [token.text];
    while (this.peek().kind === ".") {
      this.next();
      const segment = this.expect("ident", "a field or method name after '.'");
      if (this.peek().kind === "(") return this.parseMethod(path, segment);
      path.push(segment.text);
    }
    return { kind: "path", path };
  }

  private parseMethod(path: string[], name: Token): Extract<WhereNode, { kind: "method" }> {
    const method = METHODS.find((m) => m.toLowerCase() === name.text.toLowerCase());
    if (!method) throw new WhereSyntaxError(`Unknown method '${name.text}'; supported: ${METHODS.join(", ")}`, name.pos);
    this.expect("(", "'('");
    const arg = this.expect("string", `a string argument to ${method}`);
    this.expect(")", "')'");
    return { kind: "method", path, method, arg: arg.text };
  }

  private parseGuid(): Literal {
    this.expect("(", "'('");
    const value = this.expect("string", "a quoted GUID");
    this.expect(")", "')'");
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value.text)) {
      throw new WhereSyntaxError(`'${value.text}' is not a valid GUID`, value.pos);
    }
    return { kind: "guid", value: value.text.toLowerCase() };
  }

  private parseDateTime(start: Token): Literal {
    this.expect("(", "'('");
    const parts: number[] = [];
    do {
      if (parts.length > 0) this.next();
      parts.push(Number(this.expect("number", "a number in DateTime(year, month, day)").text));
    } while (this.peek().kind === "," && parts.length < 6);
    this.expect(")", "')'");
    const [y, m, d, h = 0, mi = 0, s = 0] = parts;
    if (parts.length < 3 || m! < 1 || m! > 12 || d! < 1 || d! > 31) {
      throw new WhereSyntaxError("DateTime needs year, month and day, e.g. DateTime(2024, 01, 31)", start.pos);
    }
    return { kind: "datetime", ms: Date.UTC(y!, m! - 1, d!, h, mi, s) };
  }
}

function literal(value: Literal): Operand {
  return { kind: "literal", literal: value };
}

/** Parses a `where` expression; throws WhereSyntaxError with a position on malformed input. */
export function parseWhere(text: string): WhereNode {
  return new Parser(tokenize(text)).parse();
}
