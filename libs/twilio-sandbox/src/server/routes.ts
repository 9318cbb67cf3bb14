import type { StateRef } from '../core/state';
import type { Route } from '../http/route';
import { api2010Routes } from '../products/api2010/api2010.routes';
import { chatRoutes } from '../products/chat/chat.routes';
import { contentRoutes } from '../products/content/content.routes';
import { addressConfigurationsRoutes } from '../products/conversations/address-configurations.routes';
import { conversationsRoutes } from '../products/conversations/conversations.routes';
import { webhookConfigurationRoutes } from '../products/conversations/webhook-configuration.routes';
import { interactionsRoutes } from '../products/flex-interactions/interactions.routes';
import { flexRoutes } from '../products/flex/flex.routes';
import { proxyRoutes } from '../products/proxy/proxy.routes';
import { studioRoutes } from '../products/studio/studio.routes';
import { taskRouterRoutes } from '../products/taskrouter/taskrouter.routes';

/** Every Twilio endpoint the sandbox serves. */
export function twilioRoutes(ref: StateRef): Route[] {
  return [
    ...flexRoutes(ref),
    ...chatRoutes(ref),
    ...proxyRoutes(ref),
    ...taskRouterRoutes(ref),
    ...studioRoutes(ref),
    ...api2010Routes(ref),
    ...conversationsRoutes(ref),
    ...addressConfigurationsRoutes(ref),
    ...webhookConfigurationRoutes(ref),
    ...interactionsRoutes(ref),
    ...contentRoutes(ref),
  ];
}
