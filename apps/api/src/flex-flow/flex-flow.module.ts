import { Module } from '@nestjs/common';
import {
  CreateFlexFlow,
  DeleteFlexFlow,
  FetchFlexFlow,
  FlexFlowDirectory,
  ListFlexFlows,
  TwilioRetrier,
  UpdateFlexFlow,
  type ChatServicePort,
  type FlexFlowManagementDependencies,
  type FlexFlowManagementPort,
  type StudioFlowPort,
  type WorkspacePort,
} from '@flex-sms/domain';
import { TwilioAccount } from '../twilio/twilio-account';
import { TWILIO_PORT } from '../twilio/twilio.tokens';
import { FlexFlowManagementController } from './flex-flow-management.http.controller';
import { FLEX_FLOW_MANAGEMENT_DEPENDENCIES } from './flex-flow-management.tokens';
import { FlexFlowController } from './flex-flow.http.controller';

/** One retry policy and one Flex Flow cache with the outbound flows: a change here is seen there at once. */
function flexFlowManagementDependencies(
  flexFlows: FlexFlowManagementPort,
  chatServices: ChatServicePort,
  workspaces: WorkspacePort,
  studioFlows: StudioFlowPort,
  retrier: TwilioRetrier,
  directory: FlexFlowDirectory,
  account: TwilioAccount,
): FlexFlowManagementDependencies {
  return {
    flexFlows,
    chatServices,
    workspaces,
    studioFlows,
    retrier,
    defaultChatServiceSid: account.chatServiceSid,
    onFlexFlowsChanged: () => directory.invalidate(),
  };
}

const useCase = <T>(UseCase: new (deps: FlexFlowManagementDependencies) => T) => ({
  provide: UseCase,
  useFactory: (deps: FlexFlowManagementDependencies) => new UseCase(deps),
  inject: [FLEX_FLOW_MANAGEMENT_DEPENDENCIES],
});

const cachedRead = <T>(UseCase: new (directory: FlexFlowDirectory) => T) => ({
  provide: UseCase,
  useFactory: (directory: FlexFlowDirectory) => new UseCase(directory),
  inject: [FlexFlowDirectory],
});

/** The FlexFlow module: list and fetch (from the outbound flows' cache), create, update and delete. */
@Module({
  controllers: [FlexFlowController, FlexFlowManagementController],
  providers: [
    {
      provide: FLEX_FLOW_MANAGEMENT_DEPENDENCIES,
      useFactory: flexFlowManagementDependencies,
      inject: [
        TWILIO_PORT.flexFlows,
        TWILIO_PORT.chatServices,
        TWILIO_PORT.workspaces,
        TWILIO_PORT.studioFlows,
        TwilioRetrier,
        FlexFlowDirectory,
        TwilioAccount,
      ],
    },
    useCase(CreateFlexFlow),
    useCase(UpdateFlexFlow),
    useCase(DeleteFlexFlow),
    cachedRead(ListFlexFlows),
    cachedRead(FetchFlexFlow),
  ],
})
export class FlexFlowModule {}
