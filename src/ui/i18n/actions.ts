import { EN_MESSAGES } from '../../actions/messages';
import type { Messages } from './core';

/**
 * The core's action texts (kinds, summaries, units, missing settings): the core's own English
 * (the other languages are in ./es, ./it and ./fr, loaded with their language).
 */
export const ACTIONS_MESSAGES: Messages = EN_MESSAGES;
