export * from './day-table.js';
export * from './spatial.js';
export * from './period-evaluation.js';
export * from './measure.js';
