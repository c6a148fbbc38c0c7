/**
 * Cividis, a sequential palette designed to read the same with and without colour-vision deficiency
 * (Nuñez, Anderton & Renslow 2018), sampled at nine stops; the darkest end is left out so low values
 * still stand out from the dark panel.
 */
export const SEQUENTIAL = [
  '#2c3f6e',
  '#44506c',
  '#58626f',
  '#6c7474',
  '#828679',
  '#9a9a77',
  '#b3ae70',
  '#cec365',
  '#ebd95a',
] as const;

/** Heat layer: a warm ramp from transparent to vermillion, apart from the cool district fills. */
export const HEAT = ['rgba(240, 228, 66, 0)', '#f0e442', '#e69f00', '#d55e00'] as const;

/** Districts without a value: the panel colour, so "no data" never looks like a low value. */
export const NO_DATA_FILL = '#232b36';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The palette's colour at `t` in [0, 1], interpolated linearly between stops. */
export function sequentialColour(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (SEQUENTIAL.length - 1);
  const index = Math.min(SEQUENTIAL.length - 2, Math.floor(position));
  const a = channels(SEQUENTIAL[index] ?? SEQUENTIAL[0]);
  const b = channels(SEQUENTIAL[index + 1] ?? SEQUENTIAL[0]);
  const f = position - index;
  return toHex(a.map((c, i) => c + ((b[i] ?? c) - c) * f));
}

/** A value's colour on a scale from `min` to `max`; a flat scale takes the middle colour. */
export function valueColour(value: number, min: number, max: number): string {
  return sequentialColour(max > min ? (value - min) / (max - min) : 0.5);
}

/** `#rrggbb` with an alpha, as rgba(), for fills that must let borders and labels show through. */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = channels(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
