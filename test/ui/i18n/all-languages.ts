import { LANGUAGES, loadLanguage } from '../../../src/ui/i18n/core';

// Set up before every test file (vite.config.ts): components are tested in each language as the app
// shows them once that language has loaded. How a language loads is tested in i18n.test.tsx.
await Promise.all(LANGUAGES.map(loadLanguage));
