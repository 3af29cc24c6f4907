import { HealthSchema } from '../api-schemas';
import { route, type AnyRoute } from '../context';
import { ApiProblem } from '../problems';

/** health and openapi.json; the OpenAPI document is built from every route (passed in by the app). */
export function metaRoutes(openApi: () => Record<string, unknown>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      url: '/health',
      permission: 'public',
      tag: 'Server',
      summary: 'Whether the server and its database answer',
      responses: { 200: { description: 'Healthy.', schema: HealthSchema }, 503: { description: 'The database does not answer.' } },
      handler: async ({ ctx }) => {
        try {
          await ctx.db.rawTransaction((c) => c.query('select 1'));
        } catch (error) {
          throw new ApiProblem('unavailable', `The ${ctx.db.kind} database does not answer: ${error instanceof Error ? error.message : String(error)}`);
        }
        return { status: 'ok', database: ctx.db.kind, version: ctx.settings.version };
      },
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      permission: 'public',
      tag: 'Server',
      summary: 'This API as an OpenAPI 3.1 document',
      responses: { 200: { description: 'The OpenAPI document.' } },
      handler: async () => openApi(),
    }),
  ];
}
