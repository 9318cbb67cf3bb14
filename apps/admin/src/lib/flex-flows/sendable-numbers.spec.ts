import { describe, expect, it } from '@jest/globals';
import type { FlexFlow } from './flex-flow.types';
import { flexFlowsByNumber, sendableNumbers } from './sendable-numbers';

let next = 0;
function flow(overrides: Partial<FlexFlow>): FlexFlow {
  next += 1;
  return {
    sid: `FO${String(next).padStart(32, '0')}`,
    friendlyName: `Flow ${next}`,
    chatServiceSid: 'IS1',
    channelType: 'sms',
    contactIdentity: '+15550100001',
    enabled: true,
    integrationType: 'studio',
    integration: {},
    longLived: false,
    janitorEnabled: true,
    ...overrides,
  };
}

describe('sendableNumbers', () => {
  const studio1 = flow({ contactIdentity: '+15550100001' });
  const task1 = flow({ contactIdentity: '+15550100001', integrationType: 'task', enabled: false });
  const studio2Disabled = flow({ contactIdentity: '+15550100002', enabled: false });
  const task2 = flow({ contactIdentity: '+15550100002', integrationType: 'task', enabled: false });
  const webTask = flow({ contactIdentity: '+15550100003', integrationType: 'task', channelType: 'web' });
  const flows = [task2, studio2Disabled, studio1, task1, webTask];

  it('offers the agent form every number with an sms task flow, disabled ones included', () => {
    expect(sendableNumbers(flows, 'task')).toEqual([
      { number: '+15550100001', flexFlow: task1 },
      { number: '+15550100002', flexFlow: task2 },
    ]);
  });

  it('offers the fire-and-forget form only numbers with an enabled sms studio flow', () => {
    expect(sendableNumbers(flows, 'message')).toEqual([{ number: '+15550100001', flexFlow: studio1 }]);
  });

  it('names the enabled flow when a number has several of the type', () => {
    const enabled = flow({ contactIdentity: '+15550100002', integrationType: 'task', enabled: true });
    expect(sendableNumbers([task2, enabled], 'task')).toEqual([{ number: '+15550100002', flexFlow: enabled }]);
  });
});

describe('flexFlowsByNumber', () => {
  it('groups the flows under their number, numbers in order', () => {
    const a = flow({ contactIdentity: '+15550100002' });
    const b = flow({ contactIdentity: '+15550100001' });
    const c = flow({ contactIdentity: '+15550100002', integrationType: 'task' });
    expect(flexFlowsByNumber([a, b, c])).toEqual([
      { number: '+15550100001', flows: [b] },
      { number: '+15550100002', flows: [a, c] },
    ]);
  });
});
