import { buildServer } from './src/server/app';
import { openDatabase, migrate } from './src/storage';
import { exportWorkflow } from './src/document';
import { EXAMPLE_WORKFLOWS } from './src/examples';
import { readWorkflow } from './src/server/core';
import { defaultWorkspace } from './src/model';
const DOC = EXAMPLE_WORKFLOWS[6]!.document;
const db = await openDatabase({});
await migrate(db);
const app = await buildServer({ db, passwordCost: { memoryCost: 1024, timeCost: 1 } });
const s = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: { name: 'A', email: 'a@example.com', password: 'correct horse battery' } });
const cookie = s.headers['set-cookie'] as string; const csrf = JSON.parse(s.body).csrfToken;
const id = DOC.workflow.id;
let head = 1;
const t0 = performance.now();
for (let i = 0; i < 50; i++) {
  const r = await app.inject({ method: 'PUT', url: `/api/v1/workflows/${id}`, headers: { cookie, 'x-csrf-token': csrf, 'if-match': String(head), 'content-type': 'application/json' }, payload: exportWorkflow({ ...DOC, workflow: { ...DOC.workflow, name: 'n' + i } }) });
  head = JSON.parse(r.body).revision.number;
}
console.log('per save ms', (performance.now() - t0) / 50);
const text = exportWorkflow(DOC); const ws = defaultWorkspace();
const t1 = performance.now(); for (let i = 0; i < 50; i++) readWorkflow(text, ws); console.log('readWorkflow ms', (performance.now() - t1) / 50);
const t2 = performance.now(); for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } }); console.log('GET /me ms', (performance.now() - t2) / 50);
await app.close(); await db.close();
