// The database: numbered SQL migrations, one query module per aggregate, and the switch between
// embedded PGlite and a PostgreSQL server. Used by src/server only.
export { isConnectionLost, openDatabase, type Database, type DatabaseKind, type DatabaseOptions, type Orm, type RawClient } from './database';
export { loadMigrations, migrate, schemaVersion, type Migration } from './migrate';
export * as accounts from './accounts';
export * as sessions from './sessions';
export * as tokens from './tokens';
export * as rateLimits from './rate-limits';
export * as workspace from './workspace';
export * as workflows from './workflows';
export * as comments from './comments';
export * as scenarios from './scenarios';
export * as audit from './audit';
export * as events from './events';
export { ROLES, REVISION_KINDS, type RevisionKind, type Role, type TokenScope } from './schema';
