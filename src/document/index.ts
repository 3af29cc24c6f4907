// The document layer: envelope, import (parse → migrate → validate; repair only when asked), export,
// schemas and error codes. writeJsonSchemas and compareJsonSchemas use node:fs and live in ./write-schemas.
export { capProblems, CODES, hasErrors, problem, REPORT_LIMITS, type Code, type CodeInfo, type Problem, type ReportLimits, type Severity } from './codes';
export { fixDocument, type FixChange, type FixResult } from './restore';
export { clip, quote, QUOTE_LIMIT } from './words';
export { stableStringify, exportWorkflow, type ExportOptions } from './export';
export { canonicalJson, jcs } from './canonical';
export {
  importParsed,
  importScenario,
  importWorkflow,
  importWorkflowValue,
  importWorkspace,
  validateScenario,
  validateWorkflowDocument,
  validateWorkspace,
  type DocumentInput,
  type ImportAgainstWorkspaceOptions,
  type ImportOptions,
  type ImportResult,
} from './import';
export { generateJsonSchemas, schemaFileText, schemaId, SCHEMA_FILES, type JsonSchema, type JsonSchemas, type SchemaFile } from './json-schemas';
export { DISABLED_NOTE, ENABLED_NOTE, FORMATS, supportedVersions, type DocumentKind, type FormatInfo, type Migration } from './migrations';
export { decodeDocumentBytes, recogniseEncoding, type DecodeOutcome } from './encoding';
export { DEFAULT_LIMITS, parseJsonSafely, type ParseLimits } from './safe-json';
export { documentProblems, semanticProblems } from './semantic';
export { scenarioProblems, workspaceProblems } from './workspace-rules';
export { BUNDLE_FORMAT, BUNDLE_SCHEMA_VERSION, exportBundle, importBundle, type Bundle } from './bundle';
