import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiPath } from '../../protocol/openapi';
import { createApiRouter } from '../../server/http/api-handler';
import { api } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let document: {
    openapi: string;
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_TOKEN: 'an-operator-token-for-tests' });
    const answer = await api<typeof document>(server.url, '/api/openapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('lists every route the server registers, and no other', () => {
    const registered = createApiRouter(server.context)
      .list()
      .map(({ method, path }) => `${method} ${openApiPath(path)}`)
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(documented).toEqual(registered);
  });

  it('describes the order body with the limits of this board', () => {
    const body = document.paths['/api/orders'].post.requestBody as {
      content: { 'application/json': { schema: { properties: { pixels: { maxItems: number } } } } };
    };
    expect(body.content['application/json'].schema.properties.pixels.maxItems).toBe(250_000);
  });
});
