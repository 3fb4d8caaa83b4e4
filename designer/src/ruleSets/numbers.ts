/** Numbers as rule sets show them: 2.5 → "+2.5", −1 → "−1" (a real minus sign). */
export function signed(value: number): string {
  return value < 0 ? `−${-value}` : `+${value}`;
}

/** A coefficient as a percentage: 1.2 → "120%", exact for coefficients with up to four decimals. */
export function percentOf(coefficient: number): string {
  return `${Math.round(coefficient * 10000) / 100}%`;
}
