/**
 * Any parsed JSON value as short text for an error message. Never throws: JSON.stringify overflows
 * the stack on deeply nested input (a hostile payload's), so such a value is only described.
 */
export function showValue(value: unknown, maxLength = 40): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, maxLength);
  } catch {
    if (Array.isArray(value)) return 'an array too deep to show';
    return typeof value === 'object' && value !== null ? 'an object too deep to show' : String(value);
  }
}
