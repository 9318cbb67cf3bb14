import { ApiProperty } from '@nestjs/swagger';
import type { FlexFlow } from '@flex-sms/domain';

class FlexFlowIntegrationDto {
  @ApiProperty({ required: false, example: 'WS0123456789abcdef0123456789abcdef' })
  workspaceSid?: string;

  @ApiProperty({ required: false, example: 'WW0123456789abcdef0123456789abcdef' })
  workflowSid?: string;

  @ApiProperty({ required: false, description: 'Task flows: the TaskChannel SID', example: 'TC0123456789abcdef0123456789abcdef' })
  channel?: string;

  @ApiProperty({ required: false, description: 'Studio flows', example: 'FW0123456789abcdef0123456789abcdef' })
  flowSid?: string;
}

export class FlexFlowDto implements FlexFlow {
  @ApiProperty({ example: 'FO0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'Flex SMS To Task Flow +15550100001' })
  friendlyName!: string;

  @ApiProperty({ example: 'IS0123456789abcdef0123456789abcdef' })
  chatServiceSid!: string;

  @ApiProperty({ example: 'sms' })
  channelType!: string;

  @ApiProperty({ description: 'The address (for sms: the Twilio number)', example: '+15550100001' })
  contactIdentity!: string;

  @ApiProperty({ example: false })
  enabled!: boolean;

  @ApiProperty({ enum: ['studio', 'task', 'external'], example: 'task' })
  integrationType!: string;

  @ApiProperty({ type: FlexFlowIntegrationDto })
  integration!: FlexFlowIntegrationDto;

  @ApiProperty({ example: false })
  longLived!: boolean;

  @ApiProperty({ example: true })
  janitorEnabled!: boolean;
}

export class FlexFlowListDto {
  @ApiProperty({ type: [FlexFlowDto] })
  flexFlows!: FlexFlowDto[];
}
