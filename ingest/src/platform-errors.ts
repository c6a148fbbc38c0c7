/** Start-up failures a person can fix, each with a one-line message that names what to change. */
export const PLATFORM_ERROR_CODES = [
  'PLATFORM_ERR_MQTT_PORT_IN_USE',
  'PLATFORM_ERR_HTTP_PORT_IN_USE',
  'PLATFORM_ERR_PLAN',
  'PLATFORM_ERR_BROKER_UNREACHABLE',
  'PLATFORM_ERR_STORE',
  'PLATFORM_ERR_REDIS',
  /** The API policy file or the API keys file is unreadable or invalid. */
  'PLATFORM_ERR_AUTH',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

export class PlatformError extends Error {
  override readonly name = 'PlatformError';

  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}
