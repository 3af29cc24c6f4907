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
export { CHAT_LIKE_SOURCES } from './enrollment';
export { MOVABLE_KINDS } from './channel-move';
export { TimerHeap } from './heap';
export type * from './types';
