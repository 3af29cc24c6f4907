// The interpreter (SPEC §6): runs a workspace's built-in pipeline automation and its enabled workflows
// against a scenario on a virtual clock. simulate() runs to the end; Simulation steps for the UI. The
// filter evaluator is pure and exported for previews. Headless: nothing here touches the DOM or React.
export { simulate, Simulation } from './simulation';
export {
  compileFilters,
  compiled,
  describeCondition,
  describeOutcome,
  evaluateFilters,
  filtersHold,
  type CompiledFilters,
  type FactReader,
  type FactValue,
  type FilterOutcome,
  type FilterProblem,
} from './filters';
export { CHAT_LIKE_SOURCES, chatExclusion, enrollmentOutcome, withChatIncluded, type ChatExclusion } from './enrollment';
export { TRACE_CODES, ERROR_CODES, documentedCodes, type TraceCode, type ErrorCode } from './codes';
export { renderTraceEntry, renderProblem, labelsOf, corePathLabel, formatTraceTime, traceRule, ruleWords, TRACE_LANGUAGES, type HelpDeskRule, type LabelLookup, type TraceLanguage } from './render';
export { DEFAULT_BUDGETS } from './world';
export { MOVABLE_KINDS } from './channel-move';
export { TimerHeap } from './heap';
export type * from './types';
