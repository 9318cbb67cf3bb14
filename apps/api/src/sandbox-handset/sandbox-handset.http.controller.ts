import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { HandsetListDto, HandsetParamsDto, HandsetReplyRequestDto, HandsetReplyResponseDto, HandsetThreadDto } from './sandbox-handset.dto';
import { SandboxHandsetService } from './sandbox-handset.service';

const NUMBER_PARAM = ApiParam({ name: 'number', description: 'The customer’s number, E.164 (URL-encoded: %2B for +)', example: '+14155550123' });

/**
 * The customers' phones of the embedded sandbox, so the console can show what a customer received and answer as
 * them. Only mounted when the API runs on its embedded sandbox: with a real account there are no such phones.
 */
@ApiTags('Sandbox handset')
@Controller('sandbox/handset')
@Roles('operator')
export class SandboxHandsetController {
  constructor(private readonly handsets: SandboxHandsetService) {}

  @Get()
  @ApiOperation({ summary: 'The customer numbers that have a thread, and the account numbers and WhatsApp senders they can write to' })
  @ApiOkResponse({ type: HandsetListDto })
  list(): Promise<HandsetListDto> {
    return this.handsets.list();
  }

  @Get(':number')
  @ApiOperation({ summary: 'A customer’s thread, SMS and WhatsApp, oldest first, as their phone shows it' })
  @NUMBER_PARAM
  @ApiOkResponse({ type: HandsetThreadDto })
  thread(@Param() params: HandsetParamsDto): Promise<HandsetThreadDto> {
    return this.handsets.thread(params.number);
  }

  @Post(':number/replies')
  @ApiOperation({
    summary: 'Text one of the account’s numbers as the customer, or write to one of its WhatsApp senders',
    description:
      'Routed as Twilio would: an open Proxy Session relays it into its Flex chat channel; a Conversation binding the customer, or the ' +
      'address’s Address Configuration, takes it; otherwise the number’s Flex Flow takes it. Writing to a WhatsApp sender opens the ' +
      'customer’s 24-hour WhatsApp window.',
  })
  @NUMBER_PARAM
  @ApiCreatedResponse({ type: HandsetReplyResponseDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  reply(@Param() params: HandsetParamsDto, @Body() body: HandsetReplyRequestDto): Promise<HandsetReplyResponseDto> {
    return this.handsets.reply(params.number, body);
  }
}
