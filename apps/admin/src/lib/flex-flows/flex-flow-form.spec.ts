import { describe, expect, it } from '@jest/globals';
import type { FlexFlow } from './flex-flow.types';
import { flexFlowChanges, flexFlowFormFrom, newFlexFlowForm, toFlexFlowRequest, validateFlexFlowForm } from './flex-flow-form';

const workspaceSid = `WS${'a'.repeat(32)}`;
const existing: FlexFlow = {
  sid: `FO${'1'.repeat(32)}`,
  friendlyName: 'Flex SMS To Task Flow +15550100001',
  chatServiceSid: `IS${'2'.repeat(32)}`,
  channelType: 'sms',
  contactIdentity: '+15550100001',
  enabled: false,
  integrationType: 'task',
  integration: { workspaceSid, workflowSid: `WW${'3'.repeat(32)}`, channel: `TC${'4'.repeat(32)}` },
  longLived: false,
  janitorEnabled: true,
};

describe('Flex Flow form', () => {
  it('starts a Studio flow enabled and a Task flow disabled, as Flex’s set-up guide does', () => {
    expect(newFlexFlowForm('studio').enabled).toBe(true);
    expect(newFlexFlowForm('task').enabled).toBe(false);
  });

  it('needs an E.164 number; the name and the integration SIDs may be left to the API’s defaults', () => {
    expect(validateFlexFlowForm(newFlexFlowForm())).toEqual({ contactIdentity: expect.stringContaining('E.164') });
    expect(validateFlexFlowForm({ ...newFlexFlowForm('task'), contactIdentity: '+15550100003' })).toEqual({});
    expect(validateFlexFlowForm({ ...newFlexFlowForm('task'), contactIdentity: '+15550100003', friendlyName: '  ' })).toEqual({
      friendlyName: 'The name must not be blank.',
    });
    expect(validateFlexFlowForm({ ...newFlexFlowForm('task'), contactIdentity: '+15550100003', friendlyName: 'x'.repeat(65) }).friendlyName).toMatch(
      /At most 64/,
    );
  });

  it('checks the integration SIDs of the chosen type only', () => {
    const values = {
      ...newFlexFlowForm('task'),
      friendlyName: 'x',
      contactIdentity: '+15550100003',
      workspaceSid: 'WS1',
      flowSid: 'nonsense',
      channel: 'Not A Channel',
    };
    expect(Object.keys(validateFlexFlowForm(values)).sort()).toEqual(['channel', 'workspaceSid']);
    expect(validateFlexFlowForm({ ...values, channel: 'chat', workspaceSid: workspaceSid })).toEqual({});
  });

  it('leaves the name to the API when none is given', () => {
    expect(toFlexFlowRequest({ ...newFlexFlowForm('task'), contactIdentity: '+15550100003' })).not.toHaveProperty('friendlyName');
  });

  it('sends an sms flow with only the integration fields given', () => {
    const values = { ...newFlexFlowForm('studio'), friendlyName: ' Messaging ', contactIdentity: '+15550100003', workspaceSid };
    expect(toFlexFlowRequest(values)).toEqual({
      friendlyName: 'Messaging',
      channelType: 'sms',
      contactIdentity: '+15550100003',
      integrationType: 'studio',
      enabled: true,
      longLived: false,
      janitorEnabled: true,
      integration: {},
    });
  });

  it('sends only what an edit changed', () => {
    const values = flexFlowFormFrom(existing);
    expect(flexFlowChanges(existing, values)).toEqual({});
    expect(flexFlowChanges(existing, { ...values, enabled: true, longLived: true })).toEqual({ enabled: true, longLived: true });
    expect(flexFlowChanges(existing, { ...values, channel: 'chat' })).toEqual({
      integration: { workspaceSid, workflowSid: existing.integration.workflowSid, channel: 'chat' },
    });
  });
});
