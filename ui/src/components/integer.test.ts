import { describe, expect, it } from "vitest";
import { cleanInteger, parseInteger } from "./integer";

describe("cleanInteger", () => {
  it("keeps the digits and drops separators, signs and letters", () => {
    expect(cleanInteger("12,345 km")).toBe("12345");
    expect(cleanInteger("-200")).toBe("200");
  });

  it("turns full-width digits into ASCII", () => {
    expect(cleanInteger("２０２４")).toBe("2024");
  });
});

describe("parseInteger", () => {
  it("reads a whole number", () => {
    expect(parseInteger("5000")).toBe(5000);
  });

  it("has no number while the field is empty", () => {
    expect(parseInteger("")).toBeNull();
  });
});
