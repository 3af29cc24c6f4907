import { z } from 'zod';

// zod builds fast parsers with new Function, first probing whether it may; under the app's
// Content-Security-Policy (script-src 'self') the probe fails and is reported as a violation on
// every start. Telling zod not to try keeps the report clean; the parsers it falls back to are the ones
// it would use under the policy anyway. Imported first by main.tsx, before anything parses.
z.config({ jitless: true });
