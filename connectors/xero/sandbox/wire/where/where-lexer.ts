/**
 * Tokenizer for Xero's `where` query parameter (a C#-like filter expression).
 * https://developer.xero.com/documentation/api/accounting/requests-and-responses#retrieving-filtered-results
 */

export type TokenKind = "ident" | "string" | "number" | "op" | "(" | ")" | "," | "." | "!" | "eof";

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the expression, for error messages. */
  pos: number;
}

export class WhereSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(`${message} (at position ${pos + 1})`);
    this.name = "WhereSyntaxError";
  }
}

const OPERATORS = ["==", "!=", "<>", "<=", ">=", "&&", "||", "<", ">", "="];
const PUNCTUATION: Record<string, TokenKind> = { "(": "(", ")": ")", ",": ",", ".": ".", "!": "!" };

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += ch;
      i += 1;
    }
  }
  throw new WhereSyntaxError("Unterminated string literal", start);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: "string", text: value, pos: i });
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === "-" && /[0-9]/.test(text[i + 1] ?? ""))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: "number", text: match[0], pos: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: "ident", text: match[0], pos: i });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (op) {
        tokens.push({ kind: "op", text: op, pos: i });
        i += op.length;
      } else if (PUNCTUATION[ch]) {
        tokens.push({ kind: PUNCTUATION[ch]!, text: ch, pos: i });
        i += 1;
      } else {
        throw new WhereSyntaxError(`Unexpected character '${ch}'`, i);
      }
    }
  }
  tokens.push({ kind: "eof", text: "", pos: text.length });
  return tokens;
}
