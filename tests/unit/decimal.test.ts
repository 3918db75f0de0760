import { describe, expect, it } from "vitest";
import { add, compare, dec, mul, shift, sum, toDecimalString } from "@/lib/shared/decimal";
import { centsToDollars, dollarsToCents, formatUsd } from "@/lib/shared/money";

describe("exact decimals", () => {
  it("computes the seed's example exactly — and the seed's own sum is off: 18 × $2.50/M + 47 × $10.00/M = $0.000515", () => {
    const input = mul(dec(18), shift(dec("2.50"), -6));
    const output = mul(dec(47), shift(dec("10.00"), -6));
    // The seed writes $0.000495, which is 18 input + 45 output tokens; 47 output tokens cost $0.00047.
    expect(toDecimalString(add(input, output))).toBe("0.000515");
    expect(toDecimalString(add(input, mul(dec(45), shift(dec("10.00"), -6))))).toBe("0.000495");
  });

  it("sums 10,000 sub-cent amounts with no drift (floats would not)", () => {
    const amounts = Array.from({ length: 10_000 }, () => dec("0.000495"));
    expect(toDecimalString(sum(amounts))).toBe("4.95");
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.000495;
    expect(float).not.toBe(4.95); // the reason for all this
  });

  it.each([
    ["0", "0"],
    ["0.10", "0.1"],
    ["007.500", "7.5"],
    ["-0.0001", "-0.0001"],
    ["123456789012345678901234567890.000000000001", "123456789012345678901234567890.000000000001"],
  ])("normalises %s to %s", (input, out) => {
    expect(toDecimalString(dec(input))).toBe(out);
  });

  it("compares", () => {
    expect(compare(dec("0.1"), dec("0.10"))).toBe(0);
    expect(compare(dec("0.09"), dec("0.1"))).toBe(-1);
    expect(compare(dec("2"), dec("1.999999"))).toBe(1);
  });

  it("refuses floats and garbage", () => {
    expect(() => dec(0.1)).toThrow();
    expect(() => dec("1e-5")).toThrow();
    expect(() => dec("abc")).toThrow();
  });
});

describe("money formatting", () => {
  it.each([
    ["25.50", "2550"],
    ["0.000495", "0.0495"],
    ["12", "1200"],
    ["0.1", "10"],
  ])("%s dollars is %s cents and back", (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
    expect(Number(centsToDollars(cents))).toBe(Number(dollars));
  });

  it("shows sub-cent amounts with their digits", () => {
    expect(formatUsd("0.0495")).toBe("$0.000495");
    expect(formatUsd("123456")).toBe("$1,234.56");
    expect(formatUsd("0")).toBe("$0.00");
    expect(formatUsd(null)).toBe("—");
  });
});
