// The package entry "ticketflow": the model, the document layer and the engine together. Headless:
// no React, no DOM, no server. The JSON Schemas are "ticketflow/schemas/<name>.schema.json".
export * from './model';
export * from './document';
export * from './engine';
