export { buildApiApp, type ApiAppOptions, type ApiAuthOptions } from './app.js';
export { listenApi, type ListenOptions } from './server.js';
export { API_ERRORS, API_ERROR_CODES, ApiError, type ApiErrorBody, type ApiErrorCode } from './errors.js';
export { DEFAULT_LIVE_STREAM_OPTIONS, type LiveStreamOptions } from './live/sse-connection.js';
export { DASHBOARD_NOT_BUILT } from './plugins/external/static.js';
export { parseTrustProxy, type TrustProxy, type TrustProxyResult } from './plugins/external/trust-proxy.js';
export { SERIES_LIMITS } from './routes/kpis/series-query.js';
export { AccessPolicy, DEFAULT_POLICY_FILE, type PolicyEntry } from './auth/access-policy.js';
export {
  ADMIN_KEY_FILE,
  API_KEYS_FILE,
  REPORT_KEY_FILE,
  ensureAdminKey,
  ensureReportKey,
  type AdminKeyState,
} from './auth/admin-key.js';
export {
  ApiKeyStore,
  MemoryKeyPersistence,
  hashKey,
  type ApiKeyPersistence,
  type ApiKeyRecord,
  type CreatedKey,
} from './auth/api-key-store.js';
export { AuthError, type AuthErrorCode } from './auth/auth-errors.js';
export { FileKeyPersistence } from './auth/file-key-persistence.js';
export { ROLES, isRole, type Role } from './auth/roles.js';
export { DEFAULT_SECURITY_OPTIONS, type SecurityOptions } from './plugins/external/security.js';
