import { SCENARIO_FORMAT, SCENARIO_SCHEMA_VERSION } from '../model/scenario';
import { WORKFLOW_FORMAT, WORKFLOW_SCHEMA_VERSION } from '../model/workflow';
import { WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION } from '../model/workspace';
import { isRecord, pointer } from './json-pointer';

/** The three kinds of document Ticketflow reads and writes. */
export type DocumentKind = 'workflow' | 'workspace' | 'scenario';

/** A JSON object as read from a file, before validation. */
export type JsonObject = Record<string, unknown>;

/** One step from a schemaVersion to the next. Never mutates its input. */
export interface Migration {
  from: number;
  to: number;
  /** What changed in the format, for the release notes and the migration report. */
  summary: string;
  /** Returns the document in the next version and notes of what it changed. */
  migrate(doc: Readonly<JsonObject>): { doc: JsonObject; notes: string[] };
}

/**
 * Version 1 of the workflow document (the first builder, before enrollment grew into its own object):
 *
 *   { "format": "ticketflow.workflow", "schemaVersion": 1,
 *     "workflow": { "id", "name", "description"?, "enabled",
 *       "trigger": <one trigger> | null,        "statusChanged" carried "statusId"
 *       "filters": <filter groups>, "reenroll": <boolean>,
 *       "firstActionId": <id> | null,
 *       "actions": { "<id>": { "type": <kind>, ...settings, "nextId": <id> | null } } },
 *     "layout"?: { "<id>": { "x", "y" } } }
 *
 * with these settings that version 2 reshaped: notify had userIds / teamIds / notifyOwner beside
 * its subject; setProperty had { property, value }; delay only knew { minutes }; branch had
 * branches[] of { id, label, filters, nextId } plus otherwiseLabel / otherwiseNextId; goto had targetId.
 */
const workflowV1ToV2: Migration = {
  from: 1,
  to: 2,
  summary:
    'Enrollment became one object with several triggers and unenrollment; actions became an ordered list with their ids; "nextId" became "next"; delays gained units; the layout moved under "positions".',
  migrate(doc) {
    const notes: string[] = [];
    const out: JsonObject = { ...doc, schemaVersion: 2 };
    if (isRecord(doc.workflow)) out.workflow = workflowV2(doc.workflow, notes);
    if (isRecord(doc.layout)) {
      out.layout = { positions: doc.layout };
      notes.push('Moved the canvas positions under /layout/positions.');
    }
    return { doc: out, notes };
  },
};

function workflowV2(v1: Readonly<JsonObject>, notes: string[]): JsonObject {
  const { trigger, filters, reenroll, firstActionId, actions, ...rest } = v1;
  const out: JsonObject = { ...rest };
  const triggers = trigger === null || trigger === undefined ? [] : [isRecord(trigger) ? triggerV2(trigger, notes) : trigger];
  // What v1 lacked stays absent here, for restore to fill and report.
  out.enrollment = {
    triggers,
    ...(filters !== undefined && { filters }),
    ...(reenroll !== undefined && { reenroll }),
    unenroll: [],
  };
  notes.push(
    trigger === null || trigger === undefined
      ? 'The workflow had no trigger: /workflow/enrollment/triggers is empty.'
      : 'Moved the trigger into /workflow/enrollment/triggers, with the filters and re-enrollment; unenrollment is empty.',
  );
  if (firstActionId !== undefined) {
    out.startActionId = firstActionId;
    notes.push('Renamed firstActionId to /workflow/startActionId.');
  }
  if (isRecord(actions)) {
    out.actions = Object.entries(actions).map(([id, action], i) => (isRecord(action) ? actionV2(id, action, i, notes) : action));
    notes.push(`Turned the ${Object.keys(actions).length} actions keyed by id into the list /workflow/actions.`);
  } else {
    out.actions = actions;
  }
  return out;
}

function triggerV2(trigger: Readonly<JsonObject>, notes: string[]): JsonObject {
  if (trigger.type !== 'statusChanged' || !('statusId' in trigger)) return { ...trigger };
  const { statusId, ...rest } = trigger;
  notes.push('Renamed the trigger\'s statusId to toStatusId.');
  return { ...rest, toStatusId: statusId };
}

function actionV2(id: string, v1: Readonly<JsonObject>, index: number, notes: string[]): JsonObject {
  const { type, nextId, ...settings } = v1;
  const at = pointer('workflow', 'actions', index);
  const head = { id, kind: type };
  switch (type) {
    case 'notify': {
      const { userIds, teamIds, notifyOwner, ...others } = settings;
      notes.push(`${at} ("${id}"): gathered userIds, teamIds and notifyOwner into recipients.`);
      return { ...head, ...others, recipients: { userIds: userIds ?? [], teamIds: teamIds ?? [], owner: notifyOwner ?? false }, next: nextId ?? null };
    }
    case 'setProperty': {
      const { property, value, ...others } = settings;
      // Only a string names a field; anything else stays under "value" for validation to report.
      const field = property === 'owner' ? 'ownerId' : typeof property === 'string' ? property : 'value';
      notes.push(`${at} ("${id}"): turned property and value into change.${field}.`);
      return { ...head, ...others, change: { property, [field]: value ?? null }, next: nextId ?? null };
    }
    case 'delay': {
      const { minutes, ...others } = settings;
      if (typeof minutes !== 'number') return { ...head, ...settings, next: nextId ?? null };
      const duration = durationOf(minutes);
      notes.push(`${at} ("${id}"): the delay of ${minutes} minutes became ${duration.amount} ${duration.unit}.`);
      return { ...head, ...others, wait: { type: 'duration', duration }, next: nextId ?? null };
    }
    case 'branch': {
      const { branches, otherwiseLabel, otherwiseNextId, ...others } = settings;
      const paths = Array.isArray(branches)
        ? branches.map((b: unknown) => {
            if (!isRecord(b)) return b;
            const { nextId: pathNext, ...path } = b;
            return { ...path, next: pathNext ?? null };
          })
        : branches;
      notes.push(`${at} ("${id}"): renamed branches to paths and otherwise to default.`);
      return { ...head, ...others, paths, defaultLabel: otherwiseLabel ?? 'Otherwise', defaultNext: otherwiseNextId ?? null };
    }
    case 'goto': {
      const { targetId, ...others } = settings;
      notes.push(`${at} ("${id}"): renamed targetId to target.`);
      return { ...head, ...others, target: targetId ?? null };
    }
    default:
      return { ...head, ...settings, next: nextId ?? null };
  }
}

/** The largest unit that expresses a number of minutes exactly. */
function durationOf(minutes: number): { amount: number; unit: 'minutes' | 'hours' | 'days' | 'weeks' } {
  if (minutes > 0 && Number.isInteger(minutes)) {
    if (minutes % 10080 === 0) return { amount: minutes / 10080, unit: 'weeks' };
    if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
    if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  }
  return { amount: minutes, unit: 'minutes' };
}

/**
 * Version 3 (versions, SPEC §10): a workflow is on when it has a published revision, so the document
 * no longer says "enabled"; the envelope may say which revision it is (`revision: { number, published }`).
 * An old "enabled": true never publishes anything: the note tells the user to publish.
 */
const workflowV2ToV3: Migration = {
  from: 2,
  to: 3,
  summary: 'A workflow is turned on by publishing a revision, so "enabled" is gone; the envelope may name the revision.',
  migrate(doc) {
    const out: JsonObject = { ...doc, schemaVersion: 3 };
    // A value that is no boolean stays, for validation to report as the property the format lacks.
    if (!isRecord(doc.workflow) || typeof doc.workflow.enabled !== 'boolean') return { doc: out, notes: [] };
    const { enabled, ...workflow } = doc.workflow;
    out.workflow = workflow;
    return { doc: out, notes: [enabled === true ? ENABLED_NOTE : DISABLED_NOTE] };
  },
};

/** The migration's note for a file that said "enabled": true (it imports as a draft that is not live). */
export const ENABLED_NOTE =
  'Dropped "enabled": true: a workflow is on when a revision of it is published, and importing never publishes. This file was on; publish it to turn it on.';
/** The migration's note for a file that said "enabled": false. */
export const DISABLED_NOTE = 'Dropped "enabled": false: a workflow is on when a revision of it is published. This file was off.';

/** Everything the importer knows about one kind of document: its format name and version history. */
export interface FormatInfo {
  format: string;
  /** The version Ticketflow writes. */
  current: number;
  /** Steps from each older version, in order; empty while the format has never changed. */
  migrations: readonly Migration[];
}

/** The formats, by document kind. */
export const FORMATS: Record<DocumentKind, FormatInfo> = {
  workflow: { format: WORKFLOW_FORMAT, current: WORKFLOW_SCHEMA_VERSION, migrations: [workflowV1ToV2, workflowV2ToV3] },
  workspace: { format: WORKSPACE_FORMAT, current: WORKSPACE_SCHEMA_VERSION, migrations: [] },
  scenario: { format: SCENARIO_FORMAT, current: SCENARIO_SCHEMA_VERSION, migrations: [] },
};

/** Every schemaVersion a format can be read from, oldest first. */
export function supportedVersions(info: FormatInfo): number[] {
  return [...info.migrations.map((m) => m.from), info.current];
}

/**
 * Brings a document of a supported older version up to the current one, step by step.
 * The input is never mutated; the notes say what each step changed.
 */
export function migrateDocument(doc: Readonly<JsonObject>, info: FormatInfo): { doc: JsonObject; notes: string[]; from: number } {
  const from = doc.schemaVersion as number;
  let current: JsonObject = doc as JsonObject;
  const notes: string[] = [];
  for (let version = from; version < info.current; ) {
    const step = info.migrations.find((m) => m.from === version);
    if (!step) throw new Error(`no migration of ${info.format} from schemaVersion ${version}`);
    const result = step.migrate(current);
    notes.push(`Migrated from schemaVersion ${step.from} to ${step.to}: ${step.summary}`, ...result.notes);
    current = result.doc;
    version = step.to;
  }
  return { doc: current, notes, from };
}
