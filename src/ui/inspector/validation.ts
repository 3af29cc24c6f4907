import { definitionOf, type Action } from '../../actions';
import { EnrollmentSchema, NameSchema, TextSchema, type Enrollment, type Workspace } from '../../model';
import { schemaProblems, type FieldProblem } from '../common/problems';
import { filtersProblems } from './filter-rules';

/** The name and description of a workflow, as the workflow form edits them. */
export interface WorkflowMeta {
  name: string;
  description?: string;
}

function knownIds(ws: Workspace): Record<'status' | 'user' | 'team' | 'template', Set<string>> {
  return {
    status: new Set(ws.pipelines.flatMap((p) => p.statuses.map((s) => s.id))),
    user: new Set(ws.users.map((u) => u.id)),
    team: new Set(ws.teams.map((x) => x.id)),
    template: new Set(ws.templates.map((x) => x.id)),
  };
}

/**
 * Everything to say about an action draft: schema violations (block saving), settings still
 * missing (a placeholder: may be saved), references the workspace lacks, and invalid branch filters.
 */
export function actionProblems(draft: Action, ws: Workspace): FieldProblem[] {
  const def = definitionOf(draft);
  const known = knownIds(ws);
  // Filter checks speak about the property ("Enter a number."); they go first so a field shows
  // them rather than the schema's generic word on the same value.
  return [
    ...(draft.kind === 'branch' ? draft.paths.flatMap((p, i) => filtersProblems(p.filters, ws, `/paths/${i}/filters`)) : []),
    ...schemaProblems(def.schema, draft),
    ...def.missing(draft).map((m): FieldProblem => ({ pointer: m.pointer, key: m.message, level: 'incomplete' })),
    ...def
      .references(draft)
      .filter((r) => !known[r.type].has(r.id))
      .map((r): FieldProblem => ({ pointer: r.pointer, key: 'common.notInWorkspace', params: { value: r.id }, level: 'unknown' })),
  ];
}

/** Problems of an enrollment draft: filters, schema, triggers still to complete or pointing nowhere. */
export function enrollmentProblems(draft: Enrollment, ws: Workspace): FieldProblem[] {
  const statuses = knownIds(ws).status;
  const problems: FieldProblem[] = [
    ...filtersProblems(draft.filters, ws, '/filters'),
    ...filtersProblems(draft.unenroll, ws, '/unenroll'),
    ...schemaProblems(EnrollmentSchema, draft),
  ];
  if (draft.triggers.length === 0) problems.push({ pointer: '/triggers', key: 'inspector.triggers.none', level: 'incomplete' });
  draft.triggers.forEach((tr, i) => {
    if (tr.type !== 'statusChanged') return;
    const at = `/triggers/${i}`;
    if (tr.toStatusId === null) problems.push({ pointer: `${at}/toStatusId`, key: 'missing.status', level: 'incomplete' });
    for (const field of ['toStatusId', 'fromStatusId'] as const) {
      const id = tr[field];
      if (id && !statuses.has(id)) {
        problems.push({ pointer: `${at}/${field}`, key: 'common.notInWorkspace', params: { value: id }, level: 'unknown' });
      }
    }
  });
  return problems;
}

/** Problems of a workflow name and description. */
export function metaProblems(draft: WorkflowMeta): FieldProblem[] {
  return [
    ...schemaProblems(NameSchema, draft.name.trim()).map((p) => ({ ...p, pointer: '/name' })),
    ...schemaProblems(TextSchema, draft.description ?? '').map((p) => ({ ...p, pointer: '/description' })),
  ];
}
