/** Syntax tree of a parsed `where` expression. */

export type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "guid"; value: string }
  | { kind: "datetime"; ms: number };

export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";
export type StringMethod = "Contains" | "StartsWith" | "EndsWith";

export type WhereNode =
  | { kind: "and" | "or"; left: WhereNode; right: WhereNode }
  | { kind: "not"; operand: WhereNode }
  | { kind: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { kind: "method"; path: string[]; method: StringMethod; arg: string }
  | { kind: "truthy"; path: string[] };

export type Operand = { kind: "path"; path: string[] } | { kind: "literal"; literal: Literal };
