import type { Workspace } from './workspace';

/** The workspace a new user starts with (SPEC §1): one pipeline, users, teams, every channel kind. */
export function defaultWorkspace(): Workspace {
  return {
    format: 'ticketflow.workspace',
    schemaVersion: 1,
    id: 'acme-support',
    name: 'Acme Support',
    defaultPriority: 'medium',
    pipelines: [
      {
        id: 'support',
        name: 'Support pipeline',
        statuses: [
          { id: 'new', label: 'New', category: 'open' },
          { id: 'waiting-contact', label: 'Waiting on contact', category: 'open' },
          { id: 'waiting-us', label: 'Waiting on us', category: 'open' },
          { id: 'closed', label: 'Closed', category: 'closed' },
        ],
        automation: {
          createTickets: true,
          onEmailSent: { enabled: true, statusId: 'waiting-contact' },
          onCustomerReply: { enabled: true, statusId: 'waiting-us' },
        },
      },
    ],
    users: [
      { id: 'u-ana', name: 'Ana García', email: 'ana@acme.test', helpDeskAccess: true, superAdmin: true },
      { id: 'u-marco', name: 'Marco Rossi', email: 'marco@acme.test', helpDeskAccess: true, superAdmin: false },
      { id: 'u-claire', name: 'Claire Martin', email: 'claire@acme.test', helpDeskAccess: true, superAdmin: false },
      { id: 'u-sam', name: 'Sam Lee', email: 'sam@acme.test', helpDeskAccess: false, superAdmin: false },
    ],
    teams: [
      { id: 't-tier1', name: 'Tier 1', memberIds: ['u-marco', 'u-claire'] },
      { id: 't-leads', name: 'Support leads', memberIds: ['u-ana'] },
    ],
    contacts: [
      { id: 'c-jo', name: 'Jo Customer', email: 'jo@example.test' },
      { id: 'c-lu', name: 'Lu Buyer', email: 'lu@example.test' },
    ],
    channels: [
      { id: 'ch-email', kind: 'email', name: 'support@acme.test', location: 'helpDesk', createTickets: true },
      { id: 'ch-form', kind: 'form', name: 'Contact form', location: 'helpDesk', createTickets: true },
      { id: 'ch-chat', kind: 'chat', name: 'Website chat', location: 'helpDesk', createTickets: true },
      { id: 'ch-whatsapp', kind: 'whatsapp', name: '+1 555 0100', location: 'helpDesk', createTickets: true },
      { id: 'ch-messenger', kind: 'messenger', name: 'Acme on Messenger', location: 'helpDesk', createTickets: true },
      { id: 'ch-calling', kind: 'calling', name: 'Support line', location: 'helpDesk', createTickets: false },
      { id: 'ch-sales', kind: 'email', name: 'sales@acme.test', location: 'inbox', createTickets: false },
    ],
    templates: [
      {
        id: 'tpl-received',
        name: 'Ticket received',
        builtIn: 'ticketReceived',
        subject: 'We received your request: {{ticket.subject}}',
        body: 'Hi {{contact.name}},\n\nThanks for reaching out. We have received your request "{{ticket.subject}}" (ticket {{ticket.id}}) and will get back to you soon.\n\nThe Acme Support team',
      },
      {
        id: 'tpl-closed',
        name: 'Ticket closed',
        builtIn: 'ticketClosed',
        subject: 'Your request is resolved: {{ticket.subject}}',
        body: 'Hi {{contact.name}},\n\nYour request "{{ticket.subject}}" (ticket {{ticket.id}}) has been closed. Reply to this email if you need anything else.\n\nThe Acme Support team',
      },
    ],
    sla: {
      id: 'sla-default',
      name: 'Standard SLA',
      targets: {
        low: { firstResponseMinutes: 1440, closeMinutes: 10080 },
        medium: { firstResponseMinutes: 480, closeMinutes: 4320 },
        high: { firstResponseMinutes: 120, closeMinutes: 1440 },
        urgent: { firstResponseMinutes: 30, closeMinutes: 480 },
      },
    },
    branding: { footer: true, footerText: 'Sent with Ticketflow' },
  };
}
