import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Database, Orm } from '../storage';
import type { Actor } from '../storage/audit';
import type { LiveEvent } from '../storage/events';
import type { EventBus } from './bus';
import type { Permission, Principal } from './roles';

/** Settings of a server instance; every field has a default in buildServer. */
export interface ServerSettings {
  version: string;
  /** Lifetime of a sign-in session (default 14 days). */
  sessionTtlMs: number;
  /** Lifetime of an invite link (default 7 days). */
  inviteTtlMs: number;
  /** Sign-in attempts allowed per account and per address in a window. */
  signInLimits: { perAccount: number; perAddress: number; windowMs: number };
  /** Longest a simulation may run before it is stopped (default 10 s). */
  runTimeLimitMs: number;
  /** Largest request body (default: the core's 10 MB document limit). */
  maxBodyBytes: number;
  /** Largest bundle for POST /import (default 50 MB). */
  maxBundleBytes: number;
  /** argon2id cost (defaults: OWASP's 19 MiB, 2 passes). */
  passwordCost: { memoryCost: number; timeCost: number };
  /** Seed a new workspace with the example workflows and scenarios (default true). */
  seedExamples: boolean;
}

/** What route handlers share: the database, the event bus and the settings. */
export interface ServerContext {
  db: Database;
  bus: EventBus;
  settings: ServerSettings;
  /** The team workspace's id; 409 not-set-up before POST /setup. */
  workspaceId(): Promise<string>;
  /** Runs `work` in one transaction; the events it journals are fanned out after the commit. */
  transaction<T>(work: (tx: Orm, emit: Emit) => Promise<T>): Promise<T>;
}

/** Journals a live event in the current transaction. */
export type Emit = (type: LiveEvent['type'], payload: Record<string, unknown>) => Promise<LiveEvent>;

/** A route: its method and path, the permission it needs, its documentation and its handler. */
export interface RouteDef<B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify syntax, under /api/v1: "/workflows/:id". */
  url: string;
  permission: Permission;
  summary: string;
  description?: string;
  tag: string;
  /** A JSON body checked with this schema. */
  body?: z.ZodType<B>;
  /** A document body read by the core (the handler gets its text): the schema file it follows. */
  document?: { schema: 'workflow' | 'workspace' | 'scenario' | 'bundle'; description: string };
  query?: Record<string, { description: string; schema: z.ZodType; required?: boolean }>;
  headers?: Record<string, { description: string; required?: boolean }>;
  /** Status → what comes back; a zod schema for JSON, or a document schema name for raw bytes. */
  responses: Record<number, { description: string; schema?: z.ZodType; document?: 'workflow' | 'scenario'; stream?: boolean }>;
  bodyLimit?: number;
  handler: (call: RouteCall<B>) => Promise<unknown>;
}

/** One call of a route. */
export interface RouteCall<B> {
  request: FastifyRequest;
  reply: FastifyReply;
  principal: Principal;
  body: B;
  /** The raw body text of a document route. */
  text: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  ctx: ServerContext;
}

/** The audit actor of a principal. */
export function actorOf(principal: Principal): Actor {
  if (principal.kind === 'account') return { account: principal.account.id, token: null, name: principal.account.name };
  if (principal.kind === 'token') return { account: null, token: principal.token.id, name: `token "${principal.token.name}"` };
  return { account: null, token: null, name: 'anonymous' };
}

/**
 * A route of any body type, for lists of routes. `any` because each route's body type is its own and
 * only its handler sees it; route() checks the pairing where the route is declared.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any>;

/** Declares a route with its body type inferred from its schema. */
export function route<B = undefined>(def: RouteDef<B>): RouteDef<B> {
  return def;
}
