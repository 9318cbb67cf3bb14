import { callbackUrlProblem } from './callback-url';

describe('callback URLs', () => {
  it('takes public https URLs in both modes, with a path, a port and a query', () => {
    for (const url of [
      'https://crm.example.com/hook',
      'https://crm.example.com:8443/flex/sms?token=abc',
      'https://203.0.113.7/hook',
      'https://[2001:db8::1]/hook',
    ]) {
      expect({ url, twilio: callbackUrlProblem(url, 'twilio'), sandbox: callbackUrlProblem(url, 'sandbox') }).toEqual({
        url,
        twilio: undefined,
        sandbox: undefined,
      });
    }
  });

  it('refuses what is no http(s) URL, or carries credentials or a fragment, in both modes', () => {
    for (const [url, problem] of [
      ['crm.example.com/hook', /absolute/],
      ['', /absolute/],
      ['javascript:alert(1)', /http or https/],
      ['file:///etc/passwd', /http or https/],
      ['https://user@crm.example.com/', /user name or password/],
      ['https://:secret@crm.example.com/', /user name or password/],
      ['https://crm.example.com/#', /fragment/],
    ] as const) {
      expect(callbackUrlProblem(url, 'twilio')).toMatch(problem);
      expect(callbackUrlProblem(url, 'sandbox')).toMatch(problem);
    }
  });

  it('with a real account, wants https but to loopback, and refuses internal addresses however they are spelt', () => {
    expect(callbackUrlProblem('http://crm.example.com/hook', 'twilio')).toMatch(/https/);
    for (const url of [
      'http://localhost/hook',
      'http://127.0.0.1:8080/hook',
      'http://127.1.2.3/hook',
      'http://[::1]/hook',
      'https://localhost/hook',
    ]) {
      expect({ url, problem: callbackUrlProblem(url, 'twilio') }).toEqual({ url, problem: undefined });
    }
    for (const url of [
      'https://10.0.0.1/',
      'https://172.16.5.4/',
      'https://172.31.255.255/',
      'https://192.168.1.1/',
      'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/',
      'https://0.0.0.0/',
      'https://[fd12:3456::1]/',
      'https://[fe80::1]/',
      'https://[::]/',
      'https://[::ffff:10.0.0.1]/',
      'https://[::ffff:169.254.169.254]/',
      // WHATWG URL reads these as 10.0.0.1 and 169.254.169.254.
      'https://0x0a000001/',
      'https://2852039166/',
    ]) {
      expect({ url, problem: callbackUrlProblem(url, 'twilio') }).toEqual({
        url,
        problem: expect.stringMatching(/private, link-local or unspecified/),
      });
    }
    expect(callbackUrlProblem('https://172.32.0.1/', 'twilio')).toBeUndefined();
  });

  it('lets the sandbox demo POST anywhere over http', () => {
    expect(callbackUrlProblem('http://192.168.1.10:9000/hook', 'sandbox')).toBeUndefined();
    expect(callbackUrlProblem('http://crm.internal/hook', 'sandbox')).toBeUndefined();
  });
});
