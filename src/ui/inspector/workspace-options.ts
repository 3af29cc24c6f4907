import { WEEKDAYS } from '../../actions/delay';
import type { Translate } from '../../actions';
import { ChannelKindSchema, PRIORITIES, type Workspace } from '../../model';
import type { Option } from '../common/SelectField';

/** Statuses of every pipeline; headed by their pipeline's name when the workspace has several. */
export function statusOptions(ws: Workspace): Option[] {
  const several = ws.pipelines.length > 1;
  return ws.pipelines.flatMap((p) =>
    p.statuses.map((s) => ({ value: s.id, label: s.label, group: several ? p.name : undefined })),
  );
}

/** Users, with a note on those who cannot work in the help desk. */
export function userOptions(ws: Workspace, t: Translate): Option[] {
  return ws.users.map((u) => ({
    value: u.id,
    label: u.helpDeskAccess ? u.name : t('common.user.noAccess', { name: u.name }),
  }));
}

/** Teams of the workspace. */
export function teamOptions(ws: Workspace): Option[] {
  return ws.teams.map((x) => ({ value: x.id, label: x.name }));
}

/** Priorities, lowest first. */
export function priorityOptions(t: Translate): Option[] {
  return PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }));
}

/** Channel kinds (email, form, chat, ...). */
export function channelKindOptions(t: Translate): Option[] {
  return ChannelKindSchema.options.map((k) => ({ value: k, label: t(`channelKind.${k}`) }));
}

/** Days of the week, Monday first as help-desk users read a week. */
export function weekdayOptions(t: Translate): Option[] {
  const mondayFirst = [...WEEKDAYS.slice(1), ...WEEKDAYS.slice(0, 1)];
  return mondayFirst.map((d) => ({ value: d, label: t(`weekday.${d}`) }));
}

/** What a filter condition's value is chosen from, or typed as. */
export type ValueKind =
  | 'text'
  | 'status'
  | 'statusCategory'
  | 'pipeline'
  | 'user'
  | 'priority'
  | 'channelKind'
  | 'channel'
  | 'contact'
  | 'date'
  | 'boolean'
  | 'number';

/** The choices for a value kind picked from a list; null for kinds that are typed in. */
export function choicesFor(kind: ValueKind, ws: Workspace, t: Translate): Option[] | null {
  switch (kind) {
    case 'status':
      return statusOptions(ws);
    case 'statusCategory':
      return [
        { value: 'open', label: t('common.category.open') },
        { value: 'closed', label: t('common.category.closed') },
      ];
    case 'pipeline':
      return ws.pipelines.map((p) => ({ value: p.id, label: p.name }));
    case 'user':
      return userOptions(ws, t);
    case 'priority':
      return priorityOptions(t);
    case 'channelKind':
      return channelKindOptions(t);
    case 'channel':
      return ws.channels.map((c) => ({ value: c.id, label: `${c.name} (${t(`channelKind.${c.kind}`)})` }));
    case 'contact':
      return ws.contacts.map((c) => ({ value: c.id, label: c.name }));
    case 'boolean':
      return [
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ];
    default:
      return null;
  }
}
