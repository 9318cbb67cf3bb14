import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { CreateFlexFlowRequestDto } from './create-flex-flow.request.dto';

/**
 * `PATCH /api/v1/flex-flows/{sid}`: the create fields, all optional; only the fields sent change. The number is
 * checked by the use case against the flow's channel type, which the request may leave out.
 */
export class UpdateFlexFlowRequestDto extends PartialType(OmitType(CreateFlexFlowRequestDto, ['contactIdentity'] as const)) {
  @ApiPropertyOptional({ description: 'An E.164 number for sms flows (checked by the use case against the channel type)', example: '+15550100001' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  contactIdentity?: string;
}
