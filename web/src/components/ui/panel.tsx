import type { CSSProperties, ReactNode } from 'react';
import { ErrorBoundary } from './error-boundary';

export interface PanelProps {
  readonly title: ReactNode;
  /** Plain-text name used in the failure message. */
  readonly label: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  readonly style?: CSSProperties;
}

/** A titled section of the screen with its own error boundary. */
export function Panel({ title, label, actions, children, className, testId, style }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} style={style} aria-label={label} data-testid={testId}>
      <header className="panel__header">
        <h2 className="panel__title">{title}</h2>
        {actions}
      </header>
      <ErrorBoundary label={label}>{children}</ErrorBoundary>
    </section>
  );
}
