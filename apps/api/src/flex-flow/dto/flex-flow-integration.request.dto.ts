import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsTwilioSid } from '../../common/validation/twilio-sid.validator';

/** The README's `Integration.*` parameters. */
export class FlexFlowIntegrationRequestDto {
  @ApiPropertyOptional({
    description: 'Studio flows: Integration.FlowSid. Default: the Studio Flow of the account’s other Studio Flex Flows',
    example: 'FW0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('FW')
  flowSid?: string;

  @ApiPropertyOptional({
    description: 'Task flows: Integration.WorkspaceSid. Default: the account’s only Workspace',
    example: 'WS0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('WS')
  workspaceSid?: string;

  @ApiPropertyOptional({
    description: 'Task flows: Integration.WorkflowSid. Default: the Workspace’s only Workflow',
    example: 'WW0123456789abcdef0123456789abcdef',
  })
  @IsOptional()
  @IsTwilioSid('WW')
  workflowSid?: string;

  @ApiPropertyOptional({
    description: 'Task flows: Integration.Channel, a TaskChannel SID or unique name; must be the chat one. Default: `chat`',
    example: 'chat',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(TC[0-9a-fA-F]{32}|[a-z][a-z0-9_-]{0,63})$/, { message: 'integration.channel must be a TaskChannel SID (TC…) or unique name' })
  channel?: string;
}
