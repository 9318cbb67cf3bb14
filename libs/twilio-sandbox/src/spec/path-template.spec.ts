import { compilePathTemplate, findPathTemplate } from './path-template';

const SESSION_SID = 'KC' + 'a'.repeat(32);
const SERVICE_SID = 'KS' + 'b'.repeat(32);

describe('compilePathTemplate', () => {
  const session = compilePathTemplate('/v1/Services/{ServiceSid}/Sessions/{Sid}');

  it('matches concrete SIDs (and a UniqueName) in parameter positions', () => {
    expect(session.matches(`/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}`)).toBe(true);
    expect(session.matches(`/v1/Services/${SERVICE_SID}/Sessions/outbound-+15551230001`)).toBe(true);
    expect(session.parameterCount).toBe(2);
  });

  it('rejects other resources, extra segments and empty parameters', () => {
    expect(session.matches(`/v1/Services/${SERVICE_SID}/Sessions`)).toBe(false);
    expect(session.matches(`/v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Participants`)).toBe(false);
    expect(session.matches(`/v1/Services//Sessions/${SESSION_SID}`)).toBe(false);
    expect(session.matches(`/v2/Services/${SERVICE_SID}/Sessions/${SESSION_SID}`)).toBe(false);
  });

  it('keeps the literal `.json` suffix of API 2010 paths', () => {
    const message = compilePathTemplate('/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json');
    expect(message.matches('/2010-04-01/Accounts/AC1/Messages/SM1.json')).toBe(true);
    expect(message.matches('/2010-04-01/Accounts/AC1/Messages/SM1')).toBe(false);
    expect(message.matches('/2010-04-01/Accounts/AC1/Messages/SM1xjson')).toBe(false);
  });
});

describe('findPathTemplate', () => {
  const templates = ['/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}', '/v1/Workspaces/{WorkspaceSid}/TaskQueues/Statistics'].map(
    compilePathTemplate,
  );

  it('prefers the template with literal segments over a parameter', () => {
    expect(findPathTemplate(templates, '/v1/Workspaces/WS1/TaskQueues/Statistics')?.template).toBe(
      '/v1/Workspaces/{WorkspaceSid}/TaskQueues/Statistics',
    );
    expect(findPathTemplate(templates, '/v1/Workspaces/WS1/TaskQueues/WQ1')?.template).toBe('/v1/Workspaces/{WorkspaceSid}/TaskQueues/{Sid}');
  });

  it('returns undefined when nothing matches', () => {
    expect(findPathTemplate(templates, '/v1/Workspaces/WS1/Workers')).toBeUndefined();
  });
});
