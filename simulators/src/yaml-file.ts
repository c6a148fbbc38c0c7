/** YAML files against a schema, with line-numbered issues: one implementation, in the core. */
export { parseYamlFile, type FileIssue, type PathIssue, type YamlResult } from '@ssc-monitor/core';
