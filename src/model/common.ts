import './zod-config';
import { z } from 'zod';

/** Identifier of any object in a workspace, workflow or scenario. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/)
  .describe('Identifier: letters, digits, and _ . : - (at most 128 characters, starting with a letter or digit).');
export type Id = z.infer<typeof IdSchema>;

/** A bounded human-readable name. */
export const NameSchema = z.string().min(1).max(200).describe('A human-readable name (1 to 200 characters).');

/** A bounded free text (bodies, comments, descriptions). */
export const TextSchema = z.string().max(20000).describe('Free text (at most 20,000 characters).');

/** A moment on the (virtual) clock, as an ISO 8601 UTC date-time. */
export const TimestampSchema = z.iso
  .datetime()
  .describe('A moment as an ISO 8601 UTC date-time, for example 2026-01-05T09:00:00Z.');
export type Timestamp = z.infer<typeof TimestampSchema>;

/** Kinds of channel a help desk receives conversations on. */
export const ChannelKindSchema = z
  .enum(['email', 'form', 'chat', 'whatsapp', 'messenger', 'calling'])
  .describe('The kind of channel.');
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** Ticket priorities, lowest first. */
export const PrioritySchema = z.enum(['low', 'medium', 'high', 'urgent']).describe('Ticket priority.');
export type Priority = z.infer<typeof PrioritySchema>;
export const PRIORITIES = PrioritySchema.options;

/** Units for durations on the virtual clock. */
export const DurationUnitSchema = z.enum(['minutes', 'hours', 'days', 'weeks']).describe('Unit of a duration.');
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/** A length of time. */
export const DurationSchema = z
  .object({
    amount: z.number().int().min(0).max(100000).describe('How many units.'),
    unit: DurationUnitSchema,
  })
  .describe('A length of time.');
export type Duration = z.infer<typeof DurationSchema>;

const UNIT_MS: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** Milliseconds in a duration. */
export function durationMs(d: Duration): number {
  return d.amount * UNIT_MS[d.unit];
}
