import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContentTemplateList, ContentTemplateView } from '@flex-sms/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListContentTemplatesQueryDto {
  @ApiPropertyOptional({
    description: 'Read the templates and their approvals from Twilio now instead of the cached list (kept 5 minutes)',
    example: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  refresh?: boolean;
}

class ContentVariableDto {
  @ApiProperty({ description: 'The placeholder’s name, as in {{1}}', example: '1' })
  name!: string;

  @ApiProperty({ nullable: true, type: String, description: 'The template’s sample (default) value', example: 'there' })
  sample!: string | null;
}

class ChannelBodiesDto {
  @ApiProperty({ nullable: true, type: String, example: 'Hello {{1}}, this is a reminder of your appointment on {{2}}.' })
  sms!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Hello {{1}}, this is a reminder of your appointment on {{2}}.' })
  whatsapp!: string | null;
}

class ChannelButtonsDto {
  @ApiProperty({ type: [String], description: 'Quick-reply button titles WhatsApp shows under the body', example: ['Confirm', 'Reschedule'] })
  whatsapp!: string[];
}

class WhatsAppApprovalDto {
  @ApiProperty({ description: 'WhatsApp’s decision: approved, pending, received, rejected, paused, disabled or unsubmitted', example: 'approved' })
  status!: string;

  @ApiProperty({ description: 'Only an approved template can be sent on WhatsApp', example: true })
  approved!: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'appointment_reminder' })
  name!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'UTILITY' })
  category!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  rejectionReason!: string | null;
}

export class ContentTemplateDto implements ContentTemplateView {
  @ApiProperty({ example: 'HX0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: 'appointment_reminder' })
  friendlyName!: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ type: [String], description: 'Its content types', example: ['twilio/text'] })
  types!: string[];

  @ApiProperty({ type: [ContentVariableDto], description: 'Each placeholder to fill in contentVariables, in order' })
  variables!: ContentVariableDto[];

  @ApiProperty({ type: ChannelBodiesDto, description: 'The body each channel shows, placeholders as written' })
  body!: ChannelBodiesDto;

  @ApiProperty({ type: ChannelBodiesDto, description: 'The body each channel shows, filled with the samples' })
  preview!: ChannelBodiesDto;

  @ApiProperty({ type: ChannelButtonsDto, description: 'The buttons each channel shows under the body (SMS shows none)' })
  buttons!: ChannelButtonsDto;

  @ApiProperty({ type: WhatsAppApprovalDto })
  whatsapp!: WhatsAppApprovalDto;

  @ApiProperty({ example: '2026-11-24T18:00:00.000Z' })
  dateUpdated!: string;
}

export class ContentTemplateListDto implements ContentTemplateList {
  @ApiProperty({ type: [ContentTemplateDto] })
  templates!: ContentTemplateDto[];

  @ApiProperty({ nullable: true, type: String, description: 'When the list was read from Twilio', example: '2026-11-24T18:00:00.000Z' })
  fetchedAt!: string | null;
}
