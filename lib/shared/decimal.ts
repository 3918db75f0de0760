/**
 * Exact decimal arithmetic on BigInt, for money. A value is an integer `units` scaled by 10^-scale;
 * nothing passes through a binary float, so $0.000495 stays $0.000495 and sums never drift.
 */
export type Decimal = { readonly units: bigint; readonly scale: number };

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

export function dec(value: string | number | bigint): Decimal {
  if (typeof value === "bigint") return { units: value, scale: 0 };
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error(`Use a decimal string for fractional amounts, not ${value}`);
    return { units: BigInt(value), scale: 0 };
  }
  const m = DECIMAL_RE.exec(value.trim());
  if (!m) throw new Error(`Not a decimal: ${JSON.stringify(value)}`);
  const frac = m[3] ?? "";
  const units = BigInt(`${m[2]}${frac}`);
  return { units: m[1] ? -units : units, scale: frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce(add, dec(0));
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Division by a power of ten is exact: it only moves the decimal point. */
export function shift(a: Decimal, powerOfTen: number): Decimal {
  return powerOfTen >= 0
    ? { units: a.units * 10n ** BigInt(powerOfTen), scale: a.scale }
    : { units: a.units, scale: a.scale - powerOfTen };
}

/** Division by an integer, rounded half-up once to `scale` decimal places (for the rare non-decimal ratio, e.g. ÷60). */
export function divide(a: Decimal, divisor: bigint, scale: number): Decimal {
  const numerator = a.units * 10n ** BigInt(scale) * 2n;
  const denominator = 10n ** BigInt(a.scale) * divisor;
  const doubled = numerator / denominator;
  return { units: (doubled + (doubled >= 0n ? 1n : -1n)) / 2n, scale };
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

/** Canonical string: no trailing fractional zeros, no exponent ("0.0495", "495", "-1.5"). */
export function toDecimalString(a: Decimal): string {
  const negative = a.units < 0n;
  let digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, "0");
  let out = a.scale > 0 ? `${digits.slice(0, -a.scale)}.${digits.slice(-a.scale)}` : digits;
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  digits = out;
  return negative && digits !== "0" ? `-${digits}` : digits;
}
