/**
 * The shape of a compiled schema validator and of the errors it reports, as the core reads them.
 * ajv's validators and errors have this shape; naming it here keeps ajv out of the core's public
 * types, so the installable package needs no ajv when its validators are compiled at build time.
 */

/** One violation a validator reports (ajv's ErrorObject, the fields the core reads). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
  data?: unknown;
}

/** A compiled validator: true when the value is valid, otherwise false with its errors. */
export interface Validator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}
