export { buildApiApp, type ApiAppOptions } from './app.js';
export { listenApi, type ListenOptions } from './server.js';
export { API_ERRORS, API_ERROR_CODES, ApiError, type ApiErrorBody, type ApiErrorCode } from './errors.js';
export { DEFAULT_LIVE_STREAM_OPTIONS, type LiveStreamOptions } from './live/sse-connection.js';
export { DASHBOARD_NOT_BUILT } from './plugins/external/static.js';
export { SERIES_LIMITS } from './routes/kpis/series-query.js';
