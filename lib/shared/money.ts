/**
 * Exact money helpers. Amounts travel as decimal strings of cents (e.g. "0.0495" for $0.000495)
 * and are only ever converted with string/BigInt arithmetic, never through binary floats.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "12.5" dollars → "1250" cents, exactly. Returns null for anything that is not a plain decimal. */
export function dollarsToCents(dollars: string): string | null {
  const m = DECIMAL.exec(dollars.trim());
  if (!m) return null;
  const whole = m[1] as string;
  const frac = m[2] ?? "";
  const cents = `${whole}${frac.slice(0, 2).padEnd(2, "0")}`;
  const rest = frac.slice(2);
  return normalizeDecimal(rest ? `${cents}.${rest}` : cents);
}

/** "1250" cents → "12.50" dollars, exactly (keeps sub-cent digits when there are any). */
export function centsToDollars(cents: string): string {
  const m = DECIMAL.exec(cents.trim());
  if (!m) return "0.00";
  const whole = (m[1] as string).padStart(3, "0");
  const frac = (m[2] ?? "").replace(/0+$/, "");
  const dollars = whole.slice(0, -2).replace(/^0+(?=\d)/, "");
  return `${dollars}.${whole.slice(-2)}${frac}`;
}

/** Display form: "$12.50", and sub-cent amounts with their significant digits ("$0.000495"). */
export function formatUsd(cents: string | null | undefined): string {
  if (cents == null) return "—";
  const d = centsToDollars(cents);
  const [whole, frac = ""] = d.split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `$${grouped}.${frac.length <= 2 ? frac.padEnd(2, "0") : frac}`;
}

/** Removes leading zeros and trailing fractional zeros: "0012.50" → "12.5". */
export function normalizeDecimal(value: string): string {
  const m = DECIMAL.exec(value);
  if (!m) return value;
  const whole = (m[1] as string).replace(/^0+(?=\d)/, "");
  const frac = (m[2] ?? "").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : whole;
}

/** Percentage of budget used, for display only (a float is fine for a progress bar). */
export function percentUsed(spentCents: string, budgetCents: string | null): number | null {
  if (budgetCents == null) return null;
  const budget = Number(budgetCents);
  if (budget <= 0) return spentCents === "0" ? 0 : 100;
  return Math.min(100, (Number(spentCents) / budget) * 100);
}
