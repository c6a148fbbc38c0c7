import type { RefObject } from 'react';
import type { EChartsType } from 'echarts/core';
import { THEME } from '../../config/theme';
import { downloadUrl } from '../../lib/export/download';
import { exportFileName } from '../../lib/export/csv';

export interface PngButtonProps {
  readonly chartRef: RefObject<EChartsType | null>;
  /** File name without date or extension, e.g. `env.air.pm25-history`. */
  readonly fileStem: string;
  /** What the chart shows, for the button's accessible name. */
  readonly what: string;
  readonly exportId: string;
}

/**
 * Downloads the chart as drawn, at twice its pixel size so it stays sharp in a report, on the panel
 * colour (a transparent background would vanish on a white page).
 */
export function PngButton({ chartRef, fileStem, what, exportId }: PngButtonProps) {
  const download = () => {
    const chart = chartRef.current;
    if (chart === null) return;
    const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: THEME.surface });
    downloadUrl(url, exportFileName(fileStem, 'png', Date.now()));
  };
  return (
    <button
      type="button"
      className="button button--small"
      onClick={download}
      aria-label={`Download ${what} as PNG`}
      data-testid="png-button"
      data-export={exportId}
    >
      PNG
    </button>
  );
}
