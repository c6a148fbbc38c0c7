import { describe, expect, it } from 'vitest';
import { sparklinePaths, type SparklineBox } from './sparkline-paths';

/** A box whose units are easy to read: x from 0 to 100, y from 0 (top) to 10 (bottom), no inset. */
const BOX: SparklineBox = { width: 100, height: 10, inset: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('sparklinePaths', () => {
  it('scales time across the width and the values over the height, highest at the top', () => {
    const { line, area } = sparklinePaths(
      [
        { t: 0, value: 1 },
        { t: 50, value: 3 },
        { t: 100, value: 2 },
      ],
      BOX,
    );
    expect(line).toBe('M0 10L50 0L100 5');
    expect(area).toBe('M0 10L50 0L100 5L100 10L0 10Z');
  });

  it('keeps gaps as gaps: a null value breaks the line and the area', () => {
    const { line, area } = sparklinePaths(
      [
        { t: 0, value: 0 },
        { t: 25, value: 2 },
        { t: 50, value: null },
        { t: 75, value: 2 },
        { t: 100, value: 0 },
      ],
      BOX,
    );
    expect(line).toBe('M0 10L25 0M75 0L100 10');
    expect(area).toBe('M0 10L25 0L25 10L0 10ZM75 0L100 10L100 10L75 10Z');
  });

  it('draws a flat series across the middle and a single point at the right edge', () => {
    expect(
      sparklinePaths(
        [
          { t: 0, value: 4 },
          { t: 100, value: 4 },
        ],
        BOX,
      ).line,
    ).toBe('M0 5L100 5');
    expect(sparklinePaths([{ t: 7, value: 4 }], BOX)).toEqual({ line: 'M100 5', area: '' });
  });

  it('draws nothing without a value', () => {
    expect(sparklinePaths([], BOX)).toEqual({ line: '', area: '' });
    expect(sparklinePaths([{ t: 0, value: null }], BOX)).toEqual({ line: '', area: '' });
  });

  it('keeps the inset clear and rounds to a tenth', () => {
    const box = { ...BOX, width: 10, inset: { top: 1, right: 1, bottom: 1, left: 1 } };
    expect(
      sparklinePaths(
        [
          { t: 0, value: 0 },
          { t: 3, value: 1 },
        ],
        box,
      ).line,
    ).toBe('M1 9L9 1');
    expect(
      sparklinePaths(
        [
          { t: 0, value: 0 },
          { t: 1, value: 1 },
          { t: 3, value: 2 },
        ],
        box,
      ).line,
    ).toBe('M1 9L3.7 5L9 1');
  });
});
