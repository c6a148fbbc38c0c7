/**
 * Server-Sent Events framing (WHATWG HTML, "Server-sent events", event stream interpretation).
 * JSON.stringify never emits a raw line break, so one `data:` line carries the whole payload.
 */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Tells the browser's EventSource how long to wait before reconnecting, ms. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}

/** A comment line: ignored by EventSource, but keeps proxies from closing an idle connection. */
export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}
