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
});
