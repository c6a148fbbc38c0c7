export { startPlatform, WEB_DIST_DIR, type RunningPlatform } from './app.js';
export { loadConfig, ConfigSchema, type Config } from './config.js';
export { createLogger } from './logger.js';
export { PlatformError, type PlatformErrorCode } from './platform-errors.js';
export { DEMO_PLAN_FILE, loadPlanFile } from './plan-loader.js';
export { addSensor, listSensors, revokeSensor, SensorAccountError } from './sensors/sensor-accounts.js';
export { credentialsFile } from './start-broker.js';
