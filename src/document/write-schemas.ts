// Node-only (node:fs): imported by the CLI and tests, never by the browser app, so it is kept out of index.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateJsonSchemas, SCHEMA_FILES, schemaFileText, type SchemaFile } from './json-schemas';

/** Writes the generated JSON Schemas into a folder (created if needed); returns the paths written. */
export function writeJsonSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const schemas = generateJsonSchemas();
  return SCHEMA_FILES.map((file) => {
    const path = join(dir, file);
    writeFileSync(path, schemaFileText(schemas[file]));
    return path;
  });
}

/** How a committed schema file compares with what the zod model generates now. */
export interface SchemaFileState {
  file: SchemaFile;
  path: string;
  state: 'same' | 'differs' | 'missing';
}

/** Compares the schema files in a folder with freshly generated ones, writing nothing. */
export function compareJsonSchemas(dir: string): SchemaFileState[] {
  const schemas = generateJsonSchemas();
  return SCHEMA_FILES.map((file) => {
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return { file, path, state: 'missing' };
    }
    return { file, path, state: text === schemaFileText(schemas[file]) ? 'same' : 'differs' };
  });
}
