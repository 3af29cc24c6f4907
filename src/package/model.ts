// The package entry "ticketflow/model": the zod schemas and types of workflows, workspaces and scenarios.
export * from '../model';
