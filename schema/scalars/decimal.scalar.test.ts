import { Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/money/decimal.js";
import { DECIMAL_MAX_DIGITS, DecimalScalar } from "./decimal.scalar.js";

describe("Decimal scalar", () => {
  it("serialises any finite decimal a provider holds in plain notation, never exponent form", () => {
    expect(DecimalScalar.serialize("0.0000001")).toBe("0.0000001");
    expect(DecimalScalar.serialize("1e-7")).toBe("0.0000001");
    expect(DecimalScalar.serialize(1e-7)).toBe("0.0000001");
    expect(DecimalScalar.serialize(new Decimal("1e-7"))).toBe("0.0000001");
    expect(DecimalScalar.serialize(1e21)).toBe("1000000000000000000000");
    expect(DecimalScalar.serialize("-12.50")).toBe("-12.50");
    expect(DecimalScalar.serialize(0.1)).toBe("0.1");
  });

  it("refuses to serialise what is not a finite number", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "abc", "", null, {}]) expect(() => DecimalScalar.serialize(bad)).toThrow(/Decimal cannot represent/);
  });

  it(`takes plain decimals of up to ${DECIMAL_MAX_DIGITS} digits and refuses longer ones when parsed, with a message saying so`, () => {
    const longest = "9".repeat(DECIMAL_MAX_DIGITS - 4) + ".9999";
    expect(DecimalScalar.parseValue(longest)).toBe(longest);
    expect(DecimalScalar.parseValue(" 12.50 ")).toBe("12.50");
    expect(() => DecimalScalar.parseValue(`9${longest}`)).toThrow(`Decimal has ${DECIMAL_MAX_DIGITS + 1} digits; at most ${DECIMAL_MAX_DIGITS} are accepted`);
    const absurd = "1" + "0".repeat(400);
    expect(() => DecimalScalar.parseValue(absurd)).toThrow("Decimal has 401 digits");
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.STRING, value: absurd }, {})).toThrow("Decimal has 401 digits");
    expect(() => DecimalScalar.parseValue("1e-7")).toThrow(/written as a string such as "12.50"/);
  });

  it("counts the digits of the value: leading zeros and trailing zeros after the point are not digits", () => {
    const padded = `${"0".repeat(40)}1.5${"0".repeat(40)}`;
    expect(DecimalScalar.parseValue(padded)).toBe(padded);
    expect(DecimalScalar.parseValue("-0")).toBe("-0");
    expect(() => DecimalScalar.parseValue(`${"0".repeat(40)}${"9".repeat(DECIMAL_MAX_DIGITS + 1)}`)).toThrow(`Decimal has ${DECIMAL_MAX_DIGITS + 1} digits`);
  });
});
