import { StrictMode, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { LiveProvider } from '../lib/live-context';
import { SessionGate } from './session-gate';

/**
 * What every view shares: the sign-in gate, the one live stream, and a last-resort error boundary so that even a failure
 * outside the panels leaves a message on the wall screen rather than a blank page.
 */
export function AppProvider({ children }: { children: ReactNode }) {
  return (
    <StrictMode>
      <ErrorBoundary label="The dashboard">
        {/* The live stream opens only once signed in: before that it would only collect 401s. */}
        <SessionGate>
          <LiveProvider>{children}</LiveProvider>
        </SessionGate>
      </ErrorBoundary>
    </StrictMode>
  );
}
