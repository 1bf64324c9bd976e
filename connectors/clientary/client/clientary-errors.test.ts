import { describe, expect, it } from "vitest";
import { readClientaryValidation } from "./clientary-errors.js";

describe("readClientaryValidation", () => {
  it.each([
    [{ errors: { name: ["can't be blank"], number: ["has already been taken", "is too long"] } },
      [{ field: "name", message: "can't be blank" }, { field: "number", message: "has already been taken" }, { field: "number", message: "is too long" }]],
    [{ errors: { amount: "must be greater than 0" } }, [{ field: "amount", message: "must be greater than 0" }]],
    [{ errors: ["Name can't be blank"] }, [{ message: "Name can't be blank" }]],
    [{ error: "Plan limit reached" }, [{ message: "Plan limit reached" }]],
    [{ message: "Invalid" }, [{ message: "Invalid" }]],
    ["HTTP Basic: Access denied.\n", [{ message: "HTTP Basic: Access denied." }]],
    [{}, undefined],
    [null, undefined],
  ])("%j → %j", (body, expected) => {
    expect(readClientaryValidation(body)).toEqual(expected);
  });
});
