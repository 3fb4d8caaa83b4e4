/**
 * Exact decimal arithmetic for scores.
 *
 * Every score is held as an integer number of hundredths (分 × 100, "cents"). Quantities with more
 * decimals (targets, actuals, coefficients) are exact ratios of integers. Rounding happens only where the
 * scoring rules say so, always to hundredths and always 四舍五入: half away from zero, which is "half up"
 * for the non-negative values scores normally are.
 */

/** A score in integer hundredths: 203.6 points is 20360. */
export type Cents = number;

/** An exact ratio of two safe integers, `d > 0`. */
export interface Ratio {
  readonly n: number;
  readonly d: number;
}

export class DecimalError extends Error {}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses a JSON number or a decimal string without going through binary floating point. */
export function parseDecimal(value: number | string): Ratio {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return { n: value, d: 1 };
    const cents = Math.round(value * 100);
    if (cents / 100 === value) return reduce(cents, 100);
  }
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new DecimalError(`not a decimal number: ${String(value)}`);
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  return fromBigRatio(digits, 10n ** BigInt(fraction.length));
}

/** A value in hundredths, rounded half away from zero when it has more than two decimals. */
export function toCents(value: number | string): Cents {
  if (typeof value === 'number') {
    const cents = Math.round(value * 100);
    if (cents / 100 === value && Number.isSafeInteger(cents)) return cents;
  }
  const ratio = parseDecimal(value);
  return mulDiv(ratio.n, 100, ratio.d);
}

/** True when the value has at most two decimals (分值、权重 are entered to the cent). */
export function hasAtMostTwoDecimals(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const ratio = parseDecimal(value);
  return 100 % ratio.d === 0;
}

/** round(a × b / c), half away from zero; c must be a positive integer. */
export function mulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundDiv(product, c);
  return bigRoundDiv(BigInt(a) * BigInt(b), BigInt(c));
}

/** round(cents × a / b) for ratios a and b (b ≠ 0), without reducing them first. */
export function mulDivRatios(cents: Cents, a: Ratio, b: Ratio): Cents {
  const sign = b.n < 0 ? -1 : 1;
  const numerator = a.n * b.d * sign;
  const denominator = a.d * b.n * sign;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) return mulDiv(cents, numerator, denominator);
  return mulRatio(cents, divRatios(a, b));
}

/** cents × ratio, rounded to hundredths. */
export function mulRatio(cents: Cents, ratio: Ratio): Cents {
  return mulDiv(cents, ratio.n, ratio.d);
}

/** The average of values in hundredths, rounded to hundredths. */
export function averageCents(values: readonly Cents[]): Cents {
  let sum = 0;
  for (const value of values) sum += value;
  return roundDiv(sum, values.length);
}

/** round(n / d) for safe integers, d > 0, half away from zero. */
export function roundDiv(n: number, d: number): number {
  if (n < 0) return -roundDiv(-n, d);
  let q = Math.floor(n / d);
  let r = n - q * d;
  while (r < 0) { q -= 1; r += d; }
  while (r >= d) { q += 1; r -= d; }
  return 2 * r >= d ? q + 1 : q;
}

function bigRoundDiv(n: bigint, d: bigint): number {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  if (2n * (abs % d) >= d) q += 1n;
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new DecimalError('score out of range');
  return result;
}

/** Multiplies two ratios exactly. */
export function mulRatios(a: Ratio, b: Ratio): Ratio {
  return makeRatio(a.n * b.n, a.d * b.d, () => [BigInt(a.n) * BigInt(b.n), BigInt(a.d) * BigInt(b.d)]);
}

/** Adds two ratios exactly. */
export function addRatios(a: Ratio, b: Ratio): Ratio {
  const left = a.n * b.d;
  const right = b.n * a.d;
  const n = Number.isSafeInteger(left) && Number.isSafeInteger(right) ? left + right : Number.NaN;
  return makeRatio(n, a.d * b.d, () => [BigInt(a.n) * BigInt(b.d) + BigInt(b.n) * BigInt(a.d), BigInt(a.d) * BigInt(b.d)]);
}

/** a / b exactly; b must not be zero. */
export function divRatios(a: Ratio, b: Ratio): Ratio {
  if (b.n === 0) throw new DecimalError('division by zero');
  const sign = b.n < 0 ? -1 : 1;
  return makeRatio(a.n * b.d * sign, a.d * b.n * sign, () => [BigInt(a.n) * BigInt(b.d) * BigInt(sign), BigInt(a.d) * BigInt(b.n) * BigInt(sign)]);
}

/** n / d from products computed in floating point when they are exact, else from the BigInt products. */
function makeRatio(n: number, d: number, exact: () => [bigint, bigint]): Ratio {
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return reduce(n, d);
  const [bn, bd] = exact();
  return fromBigRatio(bn, bd);
}

function reduce(n: number, d: number): Ratio {
  const g = gcd(Math.abs(n), d);
  return { n: n / g, d: d / g };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a || 1;
}

function fromBigRatio(n: bigint, d: bigint): Ratio {
  let a = n < 0n ? -n : n;
  let b = d;
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? 1n : a;
  const rn = Number(n / g);
  const rd = Number(d / g);
  if (!Number.isSafeInteger(rn) || !Number.isSafeInteger(rd)) throw new DecimalError('number too large or too precise');
  return { n: rn, d: rd };
}

/** The decimal digits of a JS number without exponent notation. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new DecimalError(`not a finite number: ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponentText] = text.split(/e/i);
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const body = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${body}` : body;
}

/**
 * A FEEL result (binary floating point) back to hundredths: the float is first read at 15 significant
 * digits, which removes the representation noise of sums like 85.15 × 0.7 (59.60499999…), then rounded.
 */
export function centsFromFloat(value: number): Cents {
  if (!Number.isFinite(value)) throw new DecimalError(`not a finite number: ${value}`);
  return toCents(numberText(Number(value.toPrecision(15))));
}

/** A score in hundredths as FEEL receives it. */
export function centsToFloat(cents: Cents): number {
  return cents / 100;
}

/** "203.60"; with `signed`, "+5.00" / "-3.00" / "0.00". */
export function formatCents(cents: Cents, signed = false): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const fraction = abs - whole * 100;
  const body = `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
  if (negative) return `-${body}`;
  return signed && cents > 0 ? `+${body}` : body;
}

/** A ratio for display: "0.7", "0.125", "1/3". */
export function formatRatio(r: Ratio): string {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2 === 0) { d /= 2; twos += 1; }
  while (d % 5 === 0) { d /= 5; fives += 1; }
  const places = Math.max(twos, fives);
  if (d !== 1 || places > 12) return `${r.n}/${r.d}`;
  return formatScaled(BigInt(r.n) * (10n ** BigInt(places) / BigInt(r.d)), places);
}

function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${body}` : body;
}
