import type { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiAnswers } from './openapi-answers';

const DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '204': { description: '' },
        },
      },
    },
  },
  components: {
    schemas: {
      Part: { type: 'object', properties: { sid: { type: 'string' } }, required: ['sid'] },
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: ['a', 'b'] },
          note: { type: 'string', nullable: true },
          part: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Part' }] },
          extra: { type: 'object', additionalProperties: true },
        },
        required: ['id', 'kind', 'note', 'part'],
      },
    },
  },
} as unknown as OpenAPIObject;

describe('OpenApiAnswers', () => {
  const answers = new OpenApiAnswers(DOCUMENT);
  const check = (body: unknown, status = 200) => answers.violations('get', '/things/{id}', status, body);

  it('accepts an answer as documented, nullable fields null and free-form objects open', () => {
    expect(check({ id: '1', kind: 'a', note: null, part: null, extra: { anything: 1 } })).toEqual([]);
    expect(check({ id: '1', kind: 'b', note: 'n', part: { sid: 'X' } })).toEqual([]);
    expect(check(undefined, 204)).toEqual([]);
  });

  it('names each way an answer differs: an undocumented field, a missing one, null where none may be, a value off the enum', () => {
    expect(check({ id: '1', kind: 'c', note: null, part: { sid: null, more: true }, secret: 'x' })).toEqual([
      '(the body) has "secret", which the document does not name',
      '/kind must be equal to one of the allowed values ["a","b"]',
      '/part has "more", which the document does not name',
      '/part/sid must be string',
      '/part must be null',
      '/part must match a schema in anyOf',
    ]);
    expect(check({ kind: 'a', note: null, part: null })).toEqual(["(the body) must have required property 'id'"]);
  });

  it('refuses a status the document does not give, and a body where it documents none', () => {
    expect(check({}, 404)).toEqual(['GET /things/{id} does not document a 404 answer']);
    expect(check({ id: '1' }, 204)).toEqual(['GET /things/{id} 204 documents no body, yet one came']);
  });
});
