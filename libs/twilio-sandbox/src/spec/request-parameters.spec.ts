import type { OpenApiOperation } from './openapi.types';
import { acceptedParameters, parameterProblems } from './request-parameters';

const updateChannel: OpenApiOperation = {
  operationId: 'UpdateChannel',
  parameters: [
    { name: 'ServiceSid', in: 'path', required: true },
    { name: 'X-Twilio-Webhook-Enabled', in: 'header' },
  ],
  requestBody: {
    content: {
      'application/x-www-form-urlencoded': {
        schema: { type: 'object', properties: { FriendlyName: { type: 'string' }, Attributes: { type: 'string' } }, required: ['Attributes'] },
      },
    },
  },
  responses: {},
};

const listMessages: OpenApiOperation = {
  operationId: 'ListMessage',
  parameters: [
    { name: 'AccountSid', in: 'path', required: true },
    { name: 'To', in: 'query' },
    { name: 'DateSent<', in: 'query', required: true },
  ],
  responses: {},
};

describe('acceptedParameters', () => {
  it('reads the form properties of a POST, leaving out path and header parameters', () => {
    expect(acceptedParameters('post', updateChannel)).toEqual([
      { name: 'FriendlyName', required: false },
      { name: 'Attributes', required: true },
    ]);
  });

  it('reads the query parameters of other methods', () => {
    expect(acceptedParameters('GET', listMessages)).toEqual([
      { name: 'To', required: false },
      { name: 'DateSent<', required: true },
    ]);
  });

  it('accepts nothing when a POST has no form body', () => {
    expect(acceptedParameters('POST', listMessages)).toEqual([]);
  });
});

describe('parameterProblems', () => {
  const accepted = acceptedParameters('POST', updateChannel);

  it('finds nothing wrong with known parameters, an empty value counting as sent', () => {
    expect(parameterProblems(accepted, { Attributes: '' })).toEqual([]);
  });

  it('names unknown parameters, then missing required ones', () => {
    expect(parameterProblems(accepted, { FriendlyName: 'x', friendlyName: 'y' })).toEqual([
      { param: 'friendlyName', problem: 'unknown' },
      { param: 'Attributes', problem: 'missing' },
    ]);
  });

  it('does not take inherited object keys for parameters', () => {
    expect(parameterProblems([{ name: 'constructor', required: true }], {})).toEqual([{ param: 'constructor', problem: 'missing' }]);
  });

  it('names a typed parameter whose value reads in none of the encodings Twilio accepts, after unknown and missing ones', () => {
    const typed = [
      { name: 'Enabled', required: false, encoding: 'boolean' as const },
      { name: 'DateExpiry', required: false, encoding: 'date' as const },
      { name: 'Participants', required: false, encoding: 'objects' as const },
    ];
    expect(parameterProblems(typed, { Enabled: 'TRUE', DateExpiry: '2026-11-24T18:00:00+01:00', Participants: '[{"Identifier":"+1"}]' })).toEqual([]);
    expect(
      parameterProblems(typed, { Enabled: ['True', 'false'], DateExpiry: '', Participants: ['{"Identifier":"+1"}', '{"Identifier":"+2"}'] }),
    ).toEqual([]);
    expect(parameterProblems(typed, { Colour: 'red', Enabled: 'yes', DateExpiry: 'soon' })).toEqual([
      { param: 'Colour', problem: 'unknown' },
      { param: 'Enabled', problem: 'invalid', reason: 'must be a boolean (true or false, any casing)' },
      { param: 'DateExpiry', problem: 'invalid', reason: 'must be an ISO 8601 date' },
    ]);
  });

  it('reads the encoding of typed parameters from the spec', () => {
    const operation: OpenApiOperation = {
      operationId: 'CreateSession',
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              properties: {
                Participants: { type: 'array', items: {} },
                DateExpiry: { type: 'string', format: 'date-time' },
                Ttl: { type: 'integer' },
                Mode: { $ref: '#/x' },
              },
            },
          },
        },
      },
      responses: {},
    };
    expect(acceptedParameters('POST', operation)).toEqual([
      { name: 'Participants', required: false, encoding: 'objects' },
      { name: 'DateExpiry', required: false, encoding: 'date' },
      { name: 'Ttl', required: false, encoding: 'integer' },
      { name: 'Mode', required: false },
    ]);
  });
});
