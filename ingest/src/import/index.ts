export { importText, type ImportDeps, type ImportResult, type ImportSummary } from './import-file.js';
export { ImportMappingSchema, parseImportMapping, type ImportMapping } from './import-mapping.js';
