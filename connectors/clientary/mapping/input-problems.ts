import { badUserInput, type FieldProblem } from "../../../src/errors/index.js";

/**
 * Collects what in a unified input Clientary cannot hold, so one answer names every field at once.
 * Field paths follow the mutations' inputs ("input.lines[0].discountRate").
 */
export function inputProblems() {
  const problems: FieldProblem[] = [];
  return {
    add(field: string, message: string) {
      problems.push({ field, message });
    },
    /** Throws BAD_USER_INPUT naming every problem, when there is one. */
    check() {
      if (problems.length) throw badUserInput(problems);
    },
  };
}
export type InputProblems = ReturnType<typeof inputProblems>;

/** A money or quantity string Clientary can take: a plain decimal. */
export const isDecimal = (value: string) => /^-?\d+(\.\d+)?$/.test(value.trim());
