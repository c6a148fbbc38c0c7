import { downloadText } from '../../lib/export/download';
import { exportFileName } from '../../lib/export/csv';

export interface CsvButtonProps {
  /** Builds the CSV when clicked, so a live table is exported as it is at that moment. */
  readonly build: () => string;
  /** File name without date or extension, e.g. `sensors`. */
  readonly fileStem: string;
  /** What the table holds, for the button's accessible name. */
  readonly what: string;
  readonly exportId: string;
}

export function CsvButton({ build, fileStem, what, exportId }: CsvButtonProps) {
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() =>
        downloadText(build(), exportFileName(fileStem, 'csv', Date.now()), 'text/csv;charset=utf-8')
      }
      aria-label={`Download ${what} as CSV`}
      data-testid="csv-button"
      data-export={exportId}
    >
      CSV
    </button>
  );
}
