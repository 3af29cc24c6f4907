import { z } from 'zod';

/** Ticket properties a filter condition can test. */
export const FilterPropertySchema = z
  .enum([
    'subject',
    'status',
    'statusCategory',
    'pipeline',
    'owner',
    'priority',
    'source',
    'channel',
    'contact',
    'contactEmail',
    'createdAt',
    'closedAt',
    'reopened',
    'openMinutes',
  ])
  .describe('The ticket property the condition tests.');
export type FilterProperty = z.infer<typeof FilterPropertySchema>;

/** Comparison operators of a filter condition. */
export const FilterOperatorSchema = z
  .enum([
    'is',
    'isNot',
    'isAnyOf',
    'isNoneOf',
    'contains',
    'isKnown',
    'isUnknown',
    'before',
    'after',
    'greaterThan',
    'lessThan',
  ])
  .describe('How the property is compared with the value.');
export type FilterOperator = z.infer<typeof FilterOperatorSchema>;

/** The value a condition compares against; its shape depends on the operator. */
export const FilterValueSchema = z
  .union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(2000)).max(500)])
  .describe('The value compared: a string, number, boolean, or a list of strings for "is any of" / "is none of".');
export type FilterValue = z.infer<typeof FilterValueSchema>;

/** One test on a ticket property. */
export const FilterConditionSchema = z
  .object({
    property: FilterPropertySchema,
    operator: FilterOperatorSchema,
    value: FilterValueSchema.optional().describe('The value compared (absent for "is known" / "is unknown").'),
  })
  .describe('One test on a ticket property.');
export type FilterCondition = z.infer<typeof FilterConditionSchema>;

/** Conditions that must all hold (AND). */
export const FilterGroupSchema = z
  .object({
    conditions: z.array(FilterConditionSchema).max(100).describe('Conditions that must all hold (AND).'),
  })
  .describe('A group of conditions joined by AND.');
export type FilterGroup = z.infer<typeof FilterGroupSchema>;

/** Groups of which at least one must hold (OR); an empty list always holds. */
export const FiltersSchema = z
  .array(FilterGroupSchema)
  .max(50)
  .describe('Groups joined by OR: at least one group must hold. An empty list always holds.');
export type Filters = z.infer<typeof FiltersSchema>;

/** Operators that take no value. */
export const VALUELESS_OPERATORS: readonly FilterOperator[] = ['isKnown', 'isUnknown'];
/** Operators that take a list of values. */
export const LIST_OPERATORS: readonly FilterOperator[] = ['isAnyOf', 'isNoneOf'];

const EQUALITY: readonly FilterOperator[] = ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'];

/**
 * The operators each property takes: equality and presence everywhere (but no lists of dates),
 * "contains" on text and ids, before/after on dates, greater/less on numbers and the priority. The
 * one table the document rules and the engine share, so what one accepts the other runs.
 */
export const FILTER_OPERATORS: Record<FilterProperty, readonly FilterOperator[]> = {
  subject: [...EQUALITY, 'contains'],
  contactEmail: [...EQUALITY, 'contains'],
  status: [...EQUALITY, 'contains'],
  statusCategory: [...EQUALITY, 'contains'],
  pipeline: [...EQUALITY, 'contains'],
  owner: [...EQUALITY, 'contains'],
  source: [...EQUALITY, 'contains'],
  channel: [...EQUALITY, 'contains'],
  contact: [...EQUALITY, 'contains'],
  priority: [...EQUALITY, 'greaterThan', 'lessThan'],
  createdAt: ['is', 'isNot', 'isKnown', 'isUnknown', 'before', 'after'],
  closedAt: ['is', 'isNot', 'isKnown', 'isUnknown', 'before', 'after'],
  reopened: EQUALITY,
  openMinutes: [...EQUALITY, 'greaterThan', 'lessThan'],
};

/** Whether a condition may compare `property` with `operator` (see FILTER_OPERATORS). */
export function operatorApplies(property: FilterProperty, operator: FilterOperator): boolean {
  return FILTER_OPERATORS[property].includes(operator);
}
