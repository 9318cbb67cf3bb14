import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiException } from '../common/api-exception';
import { ErrorResponseDto } from '../common/error-response.dto';
import { LivenessDto, ReadinessDto } from './health.dto';
import { ReadinessChecks } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessChecks) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers HTTP' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database and Twilio answer' })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'NOT_READY; `context.checks` says which dependency is down and why' })
  async ready(): Promise<ReadinessDto> {
    const { ready, checks } = await this.readiness.check();
    if (!ready) {
      const down = Object.entries(checks)
        .filter(([, result]) => result.status === 'down')
        .map(([name]) => name);
      throw new ApiException(503, 'NOT_READY', `Not ready: ${down.join(' and ')} ${down.length === 1 ? 'is' : 'are'} down.`, { context: { checks } });
    }
    return { status: 'ready', checks };
  }
}
