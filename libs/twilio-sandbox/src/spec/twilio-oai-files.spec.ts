import { domainOfServer, readTwilioOaiFile, TWILIO_OAI_FILES, twilioOaiDirectory } from './twilio-oai-files';

describe('twilio-oai files', () => {
  it('are found in the installed @twilio-alpha/mcp package', () => {
    expect(twilioOaiDirectory()).toMatch(/node_modules[/\\]@twilio-alpha[/\\]mcp[/\\]twilio-oai[/\\]spec[/\\]json$/);
  });

  it.each(Object.entries(TWILIO_OAI_FILES))('serve the domain they are listed under (%s)', (domain, files) => {
    for (const file of files) expect(Object.keys(readTwilioOaiFile(domain, file).paths).length).toBeGreaterThan(0);
  });

  it('refuse a file listed under another domain', () => {
    expect(() => readTwilioOaiFile('chat', 'twilio_proxy_v1.json')).toThrow('twilio_proxy_v1.json serves "proxy", expected "chat"');
  });

  it('name the domain by the first label of the server host', () => {
    expect(domainOfServer('https://flex-api.twilio.com')).toBe('flex-api');
  });
});
