import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { prometheusContentType } from 'prom-client';
import { AcceptsMetricsToken } from '../auth/accepts-metrics-token.decorator';
import { Metrics } from './metrics';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @AcceptsMetricsToken()
  @Header('Content-Type', prometheusContentType)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'Sends, Twilio requests, retries, journal and pair-lock waits, clean-up progress, HTTP answers, process. See docs/OPERATIONS.md.',
  })
  @ApiProduces(prometheusContentType)
  @ApiOkResponse({ description: 'The Prometheus text format', schema: { type: 'string' } })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
