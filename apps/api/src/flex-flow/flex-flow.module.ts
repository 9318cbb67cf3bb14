import { Module } from '@nestjs/common';
import {
  CreateFlexFlow,
  DeleteFlexFlow,
  ListFlexFlows,
  UpdateFlexFlow,
  type FlexFlowManagementDependencies,
  type OutboundSmsDependencies,
  type TwilioAccountPorts,
} from '@flex-sms/domain';
import { OutboundSmsCoreModule } from '../outbound/outbound-sms-core.module';
import { OUTBOUND_SMS_DEPENDENCIES } from '../outbound/outbound-sms.tokens';
import { AccountPortsModule, TWILIO_ACCOUNT_PORTS } from '../twilio/account-ports.module';
import { TwilioAccount } from '../twilio/twilio-account';
import { FlexFlowManagementController } from './flex-flow-management.http.controller';
import { FLEX_FLOW_MANAGEMENT_DEPENDENCIES } from './flex-flow-management.tokens';
import { FlexFlowController } from './flex-flow.http.controller';

/** One retry policy and one Flex Flow cache with the outbound flows: a change here is seen there at once. */
function flexFlowManagementDependencies(ports: TwilioAccountPorts, outbound: OutboundSmsDependencies, account: TwilioAccount): FlexFlowManagementDependencies {
  return {
    flexFlows: ports.flexFlows,
    chatServices: ports.chatServices,
    workspaces: ports.workspaces,
    studioFlows: ports.studioFlows,
    retrier: outbound.retrier,
    defaultChatServiceSid: account.chatServiceSid,
    onFlexFlowsChanged: () => outbound.flexFlowDirectory.invalidate(),
  };
}

const useCase = <T>(UseCase: new (deps: FlexFlowManagementDependencies) => T) => ({
  provide: UseCase,
  useFactory: (deps: FlexFlowManagementDependencies) => new UseCase(deps),
  inject: [FLEX_FLOW_MANAGEMENT_DEPENDENCIES],
});

/** The FlexFlow module: list and fetch (from the outbound flows' cache), create, update and delete. */
@Module({
  imports: [OutboundSmsCoreModule, AccountPortsModule],
  controllers: [FlexFlowController, FlexFlowManagementController],
  providers: [
    {
      provide: FLEX_FLOW_MANAGEMENT_DEPENDENCIES,
      useFactory: flexFlowManagementDependencies,
      inject: [TWILIO_ACCOUNT_PORTS, OUTBOUND_SMS_DEPENDENCIES, TwilioAccount],
    },
    useCase(CreateFlexFlow),
    useCase(UpdateFlexFlow),
    useCase(DeleteFlexFlow),
    {
      provide: ListFlexFlows,
      useFactory: (outbound: OutboundSmsDependencies) => new ListFlexFlows(outbound.flexFlowDirectory),
      inject: [OUTBOUND_SMS_DEPENDENCIES],
    },
  ],
})
export class FlexFlowModule {}
