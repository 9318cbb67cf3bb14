import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DiagnoseNumber, worstStatus, type NumberDiagnosis } from '@flex-sms/domain';
import { IsString } from 'class-validator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES, RETRY_AFTER_HEADER } from '../common/api-error-examples.decorator';
import { TwilioRetryAfterInterceptor } from '../common/twilio-retry-after.interceptor';
import { DeliveryCallbacks } from '../delivery/delivery-callbacks';
import { NumberDiagnosisDto } from './number-diagnosis.response.dto';
import { IsE164PhoneNumber } from '../common/validation/phone-number.validators';

class DoctorQueryDto {
  @IsString()
  @IsE164PhoneNumber()
  number!: string;
}

/** The set-up doctor: is this number ready for both outbound flows? Each check says ok, warning or error, and the fix. */
@ApiTags('Set-up doctor')
@Controller('doctor')
@Roles('operator')
@UseInterceptors(TwilioRetryAfterInterceptor)
export class DoctorController {
  constructor(
    private readonly diagnoseNumber: DiagnoseNumber,
    private readonly deliveryCallbacks: DeliveryCallbacks,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Check a number’s set-up: account, Flex Flows, Chat Service, TaskRouter, Proxy pool, LongLived/Janitor, delivery callbacks',
    description:
      'The `delivery-callbacks` check registers the API’s webhook routes with Twilio again and says whether Twilio reports delivery to them (PUBLIC_BASE_URL, a callback URL another integration owns).',
  })
  @ApiQuery({ name: 'number', example: '+15550100001' })
  @ApiOkResponse({ type: NumberDiagnosisDto, description: 'The checklist; `status` is the worst of the checks' })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 503: [ERROR_EXAMPLES.twilioUnavailable] }, { 503: RETRY_AFTER_HEADER })
  async diagnose(@Query() query: DoctorQueryDto): Promise<NumberDiagnosis> {
    const [diagnosis, delivery] = await Promise.all([this.diagnoseNumber.execute(query.number), this.deliveryCallbacks.check()]);
    const checks = [...diagnosis.checks, delivery];
    return { ...diagnosis, checks, status: worstStatus(checks) };
  }
}
