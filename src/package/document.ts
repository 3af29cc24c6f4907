// The package entry "ticketflow/document": import (parse, migrate, validate), validate a value in
// memory, export, migrate, and compare two versions of a workflow.
export * from '../document';
export { migrateDocument, type JsonObject } from '../document/migrations';
export { applyWorkflowDiff, diffFields, diffWorkflows, isEmptyDiff, type ActionChange, type FieldChange, type WorkflowDiff } from '../graph/diff';
