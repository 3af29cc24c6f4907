// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { EnrollmentSchema, type Enrollment, type Workflow } from '../../../src/model';
import type { Language } from '../../../src/ui/i18n';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { renderIn } from '../i18n/render-in';
import { inspectorCallbacks, workflow, workspace } from './fixtures';

/** The enrollment form of the test workflow; `live` stands for a live revision that has had enrolled tickets. */
function editEnrollment(
  enrollment: Partial<Enrollment> = {},
  { live = true, builtIn = false, lang = 'en' }: { live?: boolean; builtIn?: boolean; lang?: Language } = {},
) {
  const calls = inspectorCallbacks();
  const user = userEvent.setup();
  const wf: Workflow = { ...workflow, enrollment: { ...workflow.enrollment, ...enrollment } };
  renderIn(
    <Inspector workspace={workspace} workflow={wf} selection={{ kind: 'trigger' }} readOnly={false} enrolledLive={live ? wf.enrollment : null} builtIn={builtIn} {...calls} />,
    lang,
  );
  /** The enrollment emitted by Save, checked against the schema. */
  const saved = (): Enrollment => {
    expect(calls.onChangeEnrollment).toHaveBeenCalledTimes(1);
    const value = calls.onChangeEnrollment.mock.calls[0]![0] as Enrollment;
    expect(EnrollmentSchema.safeParse(value).success).toBe(true);
    return value;
  };
  const save = () => user.click(screen.getByRole('button', { name: 'Save' }));
  const addTrigger = async (name: string) => {
    await user.selectOptions(screen.getByLabelText('New trigger'), name);
    await user.click(screen.getByRole('button', { name: 'Add trigger' }));
  };
  const filters = (legend: string) => screen.getByRole('group', { name: legend });
  return { calls, user, saved, save, addTrigger, filters };
}

const REENROLL_WARNING = /can enroll tickets unexpectedly/;

describe('Inspector enrollment', () => {
  describe('triggers', () => {
    it('adds a status trigger with the status it enters', async () => {
      const { user, save, saved, addTrigger } = editEnrollment();
      await addTrigger('Ticket status changes');
      const trigger = screen.getByRole('region', { name: 'Trigger 2: Ticket status changes' });
      expect(within(trigger).getByText('Choose a status.')).toBeInTheDocument();
      await user.selectOptions(within(trigger).getByLabelText('Status becomes'), 'Closed');
      await user.selectOptions(within(trigger).getByLabelText('Previous status'), 'Waiting on us');
      await save();
      expect(saved().triggers).toEqual([
        { type: 'ticketCreated' },
        { type: 'statusChanged', toStatusId: 'closed', fromStatusId: 'waiting-us' },
      ]);
    });

    it('drops the previous status when set back to "Any status"', async () => {
      const { user, save, saved } = editEnrollment({ triggers: [{ type: 'statusChanged', toStatusId: 'closed', fromStatusId: 'new' }] });
      await user.selectOptions(screen.getByLabelText('Previous status'), 'Any status');
      await save();
      expect(saved().triggers).toEqual([{ type: 'statusChanged', toStatusId: 'closed' }]);
    });

    it('does not offer a second trigger of a type without settings', () => {
      editEnrollment();
      const options = within(screen.getByLabelText('New trigger')).getAllByRole('option').map((o) => o.textContent);
      expect(options).not.toContain('Ticket is created');
      expect(options).toContain('Ticket status changes');
      expect(options).toContain("Contact replies on the ticket's thread");
    });

    it('[S-chat] includes chat conversations only when the kind is ticked', async () => {
      const { user, save, saved, addTrigger } = editEnrollment();
      await addTrigger('Conversation starts on a channel');
      await user.click(screen.getByRole('checkbox', { name: 'Chat' }));
      await user.click(screen.getByRole('checkbox', { name: 'Email' }));
      await save();
      expect(saved().triggers[1]).toEqual({ type: 'conversationStarted', channelKinds: ['email', 'chat'] });
    });

    it('sets up property and SLA triggers', async () => {
      const { user, save, saved, addTrigger } = editEnrollment();
      await addTrigger('Ticket property changes');
      await user.selectOptions(screen.getByLabelText('Property'), 'Priority');
      await addTrigger('SLA due time passes');
      await user.selectOptions(screen.getByLabelText('Due time'), 'Close');
      await save();
      expect(saved().triggers.slice(1)).toEqual([
        { type: 'propertyChanged', property: 'priority' },
        { type: 'slaDuePassed', target: 'close' },
      ]);
    });

    it('removes a trigger and says a workflow without triggers enrolls nothing', async () => {
      const { user, save, saved } = editEnrollment();
      await user.click(screen.getByRole('button', { name: 'Remove the trigger "Ticket is created"' }));
      expect(screen.getByText('Add at least one trigger: without one, no ticket enrolls.')).toBeInTheDocument();
      await save();
      expect(saved().triggers).toEqual([]);
    });
  });

  describe('[S-reenroll] warning', () => {
    it('warns as soon as the triggers change, offering to clone then delete', async () => {
      const { user, calls, addTrigger } = editEnrollment();
      expect(screen.queryByText(REENROLL_WARNING)).not.toBeInTheDocument();
      await addTrigger('Email is sent to the contact from the ticket record');
      expect(screen.getByRole('alert')).toHaveTextContent(REENROLL_WARNING);
      expect(screen.getByRole('alert')).toHaveTextContent('clone the workflow with these settings, then delete the old workflow');
      await user.click(screen.getByRole('button', { name: 'Clone with these settings and delete the old workflow' }));
      expect(calls.onCloneAndDelete).toHaveBeenCalledWith({
        ...workflow.enrollment,
        triggers: [{ type: 'ticketCreated' }, { type: 'emailSentFromTicket' }],
      });
      expect(calls.onChangeEnrollment).not.toHaveBeenCalled();
    });

    it('warns when re-enrollment is turned on, and stops when it is turned back off', async () => {
      const { user } = editEnrollment();
      const reenroll = screen.getByRole('switch', { name: 'Re-enroll tickets each time a trigger occurs again' });
      await user.click(reenroll);
      expect(screen.getByRole('alert')).toHaveTextContent(REENROLL_WARNING);
      await user.click(reenroll);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('never warns on a workflow without a live revision that has had enrolled tickets (a new workflow)', async () => {
      const { user, addTrigger } = editEnrollment({}, { live: false });
      await addTrigger('Email is sent to the contact from the ticket record');
      await user.click(screen.getByRole('switch', { name: 'Re-enroll tickets each time a trigger occurs again' }));
      expect(screen.queryByText(REENROLL_WARNING)).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Clone with these settings and delete the old workflow' })).not.toBeInTheDocument();
    });

    it('does not warn when re-enrollment is turned off or only the filters change', async () => {
      const { user } = editEnrollment({ reenroll: true });
      await user.click(screen.getByRole('switch', { name: 'Re-enroll tickets each time a trigger occurs again' }));
      await user.click(screen.getAllByRole('button', { name: 'Add a filter group' })[0]!);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  });

  describe('[S-chat] Chat and Messenger', () => {
    const CHAT_SWITCH = 'Include Chat and Messenger conversations';

    it('says the exclusion where it applies, and the switch names both as sources in the enrollment it saves', async () => {
      const { user, save, saved } = editEnrollment();
      const group = screen.getByRole('group', { name: 'Chat and Messenger conversations' });
      expect(group).toHaveTextContent('Automated actions skip tickets from live chat and Messenger unless the enrollment includes them.');
      expect(group).not.toHaveTextContent('[S-chat]');
      const toggle = within(group).getByRole('switch', { name: CHAT_SWITCH });
      expect(toggle).not.toBeChecked();
      await user.click(toggle);
      expect(toggle).toBeChecked();
      expect(group).toHaveTextContent('This enrollment includes tickets from live chat and Messenger');
      await save();
      const value = saved();
      expect(value.triggers).toEqual(workflow.enrollment.triggers);
      expect(value.filters).toEqual([
        { conditions: [{ property: 'source', operator: 'isNoneOf', value: ['chat', 'messenger'] }] },
        { conditions: [{ property: 'source', operator: 'isAnyOf', value: ['chat', 'messenger'] }] },
      ]);
    });

    it('shows the switch on for an enrollment that names both, and turning it off takes them out', async () => {
      const { user, save, saved } = editEnrollment({
        filters: [{ conditions: [{ property: 'priority', operator: 'is', value: 'high' }] }, { conditions: [{ property: 'priority', operator: 'is', value: 'high' }, { property: 'source', operator: 'isAnyOf', value: ['chat', 'messenger'] }] }],
      });
      const toggle = screen.getByRole('switch', { name: CHAT_SWITCH });
      expect(toggle).toBeChecked();
      await user.click(toggle);
      await save();
      expect(saved().filters).toEqual([{ conditions: [{ property: 'priority', operator: 'is', value: 'high' }] }]);
    });

    it('names what a partly included enrollment leaves out', () => {
      editEnrollment({ triggers: [{ type: 'conversationStarted', channelKinds: ['chat'] }] });
      expect(screen.getByRole('switch', { name: CHAT_SWITCH })).not.toBeChecked();
      expect(screen.getByRole('group', { name: 'Chat and Messenger conversations' })).toHaveTextContent(
        'This enrollment includes tickets from Chat only; tickets from Messenger are skipped',
      );
    });

    it('is not said where it does not apply: triggers no chat ticket fires, or a built-in status update', () => {
      editEnrollment({ triggers: [{ type: 'conversationStarted', channelKinds: ['email'] }] });
      expect(screen.queryByRole('switch', { name: CHAT_SWITCH })).not.toBeInTheDocument();
      cleanup();
      editEnrollment({}, { builtIn: true });
      expect(screen.queryByRole('switch', { name: CHAT_SWITCH })).not.toBeInTheDocument();
    });

    it('is said in every language, without English left', () => {
      editEnrollment({}, { lang: 'fr' });
      expect(screen.getByRole('switch', { name: 'Inclure les conversations de chat et Messenger' })).toBeInTheDocument();
    });
  });

  describe('filters', () => {
    it('ANDs conditions inside a group and ORs groups', async () => {
      const { user, save, saved, filters } = editEnrollment();
      const enroll = filters('Enroll only tickets that match');
      await user.click(within(enroll).getByRole('button', { name: 'Add a filter group' }));
      await user.selectOptions(within(enroll).getByLabelText('Property (group 1, condition 1)'), 'Priority');
      await user.selectOptions(within(enroll).getByLabelText('Operator (group 1, condition 1)'), 'is any of');
      const value = within(enroll).getByRole('group', { name: 'Value (group 1, condition 1)' });
      await user.click(within(value).getByRole('checkbox', { name: 'high' }));
      await user.click(within(value).getByRole('checkbox', { name: 'urgent' }));
      await user.click(within(enroll).getByRole('button', { name: 'Add a condition to group 1' }));
      await user.selectOptions(within(enroll).getByLabelText('Value (group 1, condition 2)'), 'Waiting on us');
      await user.click(within(enroll).getByRole('button', { name: 'Add an "or" group' }));
      await user.selectOptions(within(enroll).getByLabelText('Property (group 2, condition 1)'), 'Owner');
      await user.selectOptions(within(enroll).getByLabelText('Operator (group 2, condition 1)'), 'is unknown');
      expect(within(enroll).queryByLabelText('Value (group 2, condition 1)')).not.toBeInTheDocument();
      await save();
      expect(saved().filters).toEqual([
        {
          conditions: [
            { property: 'priority', operator: 'isAnyOf', value: ['high', 'urgent'] },
            { property: 'status', operator: 'is', value: 'waiting-us' },
          ],
        },
        { conditions: [{ property: 'owner', operator: 'isUnknown' }] },
      ]);
    });

    it('keeps the value when switching between "is" and "is any of"', async () => {
      const { user, save, saved } = editEnrollment({
        filters: [{ conditions: [{ property: 'status', operator: 'is', value: 'new' }] }],
      });
      await user.selectOptions(screen.getByLabelText('Operator (group 1, condition 1)'), 'is none of');
      await save();
      expect(saved().filters).toEqual([{ conditions: [{ property: 'status', operator: 'isNoneOf', value: ['new'] }] }]);
    });

    it('blocks saving a condition without a value, naming it next to the field', async () => {
      const { user, calls, filters } = editEnrollment();
      await user.click(within(filters('Enroll only tickets that match')).getByRole('button', { name: 'Add a filter group' }));
      expect(screen.getByLabelText('Value (group 1, condition 1)')).toHaveAccessibleDescription('Choose a value.');
      expect(screen.getByText('Fix the fields marked in red to save.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(calls.onChangeEnrollment).not.toHaveBeenCalled();
    });

    it('takes dates as UTC date-times and numbers of minutes', async () => {
      const { user, save, saved } = editEnrollment({
        filters: [
          {
            conditions: [
              { property: 'createdAt', operator: 'after', value: '2026-01-01T00:00:00Z' },
              { property: 'openMinutes', operator: 'greaterThan', value: 60 },
            ],
          },
        ],
      });
      fireEvent.change(screen.getByLabelText('Value (group 1, condition 1)'), { target: { value: '2026-01-05T09:30' } });
      const minutes = screen.getByLabelText('Value (group 1, condition 2)');
      await user.clear(minutes);
      expect(minutes).toHaveAccessibleDescription('Enter a number. minutes');
      await user.type(minutes, '90');
      await save();
      expect(saved().filters).toEqual([
        {
          conditions: [
            { property: 'createdAt', operator: 'after', value: '2026-01-05T09:30:00Z' },
            { property: 'openMinutes', operator: 'greaterThan', value: 90 },
          ],
        },
      ]);
    });

    it('removes a condition and a group', async () => {
      const { user, save, saved } = editEnrollment({
        filters: [
          { conditions: [{ property: 'reopened', operator: 'is', value: true }, { property: 'subject', operator: 'contains', value: 'refund' }] },
          { conditions: [{ property: 'priority', operator: 'is', value: 'low' }] },
        ],
      });
      await user.click(screen.getByRole('button', { name: 'Remove condition (group 1, condition 1)' }));
      await user.click(screen.getByRole('button', { name: 'Remove group 2' }));
      await save();
      expect(saved().filters).toEqual([{ conditions: [{ property: 'subject', operator: 'contains', value: 'refund' }] }]);
    });
  });

  describe('unenrollment', () => {
    it('sets criteria under which enrolled tickets leave', async () => {
      const { user, save, saved, filters } = editEnrollment();
      const unenroll = filters('Unenroll tickets that come to match');
      expect(within(unenroll).getByText('No criteria: tickets stay until they reach the end of the workflow.')).toBeInTheDocument();
      await user.click(within(unenroll).getByRole('button', { name: 'Add a filter group' }));
      await user.selectOptions(within(unenroll).getByLabelText('Property (group 1, condition 1)'), 'Status category');
      await user.selectOptions(within(unenroll).getByLabelText('Value (group 1, condition 1)'), 'Closed');
      await save();
      expect(saved()).toEqual({
        ...workflow.enrollment,
        unenroll: [{ conditions: [{ property: 'statusCategory', operator: 'is', value: 'closed' }] }],
      });
    });
  });
});
