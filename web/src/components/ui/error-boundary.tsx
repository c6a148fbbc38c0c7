import { Component, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Names the part of the screen that failed, in the fallback message. */
  readonly label: string;
  /**
   * A one-line fallback without a button, for tight places such as the chart inside a tile (which is
   * itself a link, and may not contain another control).
   */
  readonly compact?: boolean;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Contains a rendering failure to one panel, so one broken chart never blanks the wall screen. The
 * fallback says what failed and offers a retry, which re-mounts the panel. React itself reports the
 * caught error (createRoot's onCaughtError), so nothing is logged here.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (this.props.compact === true) {
      return (
        <p className="panel-failure panel-failure--compact" data-testid="panel-error">
          {this.props.label} unavailable
        </p>
      );
    }
    return (
      <div className="panel-failure" role="alert" data-testid="panel-error">
        <p>
          <strong>{this.props.label} could not be shown</strong> ({error.message}). The rest of the screen is
          still live.
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
