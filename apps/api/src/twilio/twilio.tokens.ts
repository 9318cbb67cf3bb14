import type { TwilioPorts } from '@flex-sms/domain';

/**
 * The domain's Twilio ports, one injection token each, all built once over the API's SDK client (twilio.module.ts):
 * a class injects the one it uses, `@Inject(TWILIO_PORT.proxySessions) proxySessions: ProxySessionPort`.
 */
export const TWILIO_PORT: { readonly [Name in keyof TwilioPorts]: symbol } = {
  flexFlows: Symbol('FlexFlowManagementPort'),
  chatServices: Symbol('ChatServicePort'),
  chatChannels: Symbol('ChatChannelPort'),
  messages: Symbol('MessagePort'),
  proxyService: Symbol('ProxyServicePort'),
  proxySessions: Symbol('ProxySessionPort'),
  tasks: Symbol('TaskPort'),
  workspaces: Symbol('WorkspacePort'),
  studioFlows: Symbol('StudioFlowPort'),
  phoneNumbers: Symbol('IncomingPhoneNumberPort'),
  addressConfigurations: Symbol('AddressConfigurationPort'),
  conversations: Symbol('ConversationPort'),
  interactions: Symbol('InteractionPort'),
  content: Symbol('ContentPort'),
};

/**
 * The retry policy of the Twilio calls made while answering a request (the domain's default); tests replace it with
 * short delays. The `TwilioRetrier` built from it is injectable by class.
 */
export const TWILIO_RETRY_POLICY = Symbol('TWILIO_RETRY_POLICY');

/**
 * The official SDK client, for what is not a domain port: readiness's probe of the credentials, and the auth token
 * that checks Twilio's webhook signatures. `@Inject(TWILIO_CLIENT) twilio: TwilioClient`.
 */
export const TWILIO_CLIENT = Symbol('TWILIO_CLIENT');
