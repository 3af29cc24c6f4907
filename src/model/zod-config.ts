import { z } from 'zod';

// zod builds fast parsers with new Function, first probing whether it may. The built app's
// Content-Security-Policy (script-src 'self') refuses that, and the probe is reported as a violation.
// Every model schema imports this module first (through common.ts), so the setting holds before any
// parse in any chunk, and Node runs the same parsers as the browser.
z.config({ jitless: true });
