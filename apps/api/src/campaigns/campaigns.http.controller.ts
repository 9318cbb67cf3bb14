import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ControlCampaign, CreateCampaign, type CampaignAction, type CampaignRecipient } from '@flex-sms/domain';
import type { Request, Response } from 'express';
import { ConfinedToSenders } from '../auth/confined-to-senders.decorator';
import { callerReference, type Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { assertMaySendFrom } from '../auth/sender-restriction';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { createValidationPipe } from '../common/validation/validation-pipe';
import { CSV_HEADER, csvLine, parseVariableColumns, recipientsFromCsv } from './campaign-csv';
import { CampaignQuery, type CampaignView } from './campaign.query';
import { CampaignRunner } from './campaign-runner';
import { CampaignListQueryDto, CampaignParamsDto, CampaignRecipientsCsvQueryDto, CampaignRecipientsQueryDto } from './dto/campaign.query.dto';
import { CampaignRecipientListDto, CampaignViewDto } from './dto/campaign.response.dto';
import { CampaignSettingsDto, CreateCampaignCsvQueryDto, CreateCampaignQueryDto, CreateCampaignRequestDto } from './dto/create-campaign.request.dto';

const NOT_FOUND = { code: 'CAMPAIGN_NOT_FOUND', message: 'Campaign 6f1d2c3b-4a5e-4f70-8192-a3b4c5d6e7f8 was not found' };
const STATE_CONFLICT = { code: 'CAMPAIGN_STATE_CONFLICT', message: 'Campaign 6f1d2c3b-… is completed: it cannot pause' };
const EXPORT_PAGE = 1000;

/**
 * Campaigns: one body to a list, paced per sender (docs/ARCHITECTURE.md, "Campaigns"). Operators create and control
 * them; a key restricted to some sender numbers sends and sees campaigns from those numbers only.
 */
@ApiTags('Campaigns')
@Controller('campaigns')
@Roles('operator')
@ConfinedToSenders()
@ApiExtraModels(CreateCampaignRequestDto)
export class CampaignsController {
  private readonly validation = createValidationPipe();

  constructor(
    private readonly createCampaign: CreateCampaign,
    private readonly controlCampaign: ControlCampaign,
    private readonly query: CampaignQuery,
    private readonly runner: CampaignRunner,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a campaign from a JSON list or a CSV upload, with its pre-flight report',
    description:
      'JSON: the settings and `recipients` in the body. CSV (`Content-Type: text/csv`, streamed: 100,000 rows never sit in memory): the settings and the ' +
      'column mapping (`numberColumn`, `nameColumn`, `variableColumns`, e.g. `date:1` for a template’s `{{1}}`) in the query string, the file as the body. Invalid numbers, duplicates, opted-out ' +
      'customers and (unless `inConversation=send`) customers in a live conversation are left out, with their row and reason in the report. The campaign ' +
      'then runs (or waits for `startAt`); with `dryRun` it stays a report and sends nothing. `contentSid` sends a Content template instead of `body` ' +
      '(a WhatsApp campaign needs one), each recipient’s variables filling its placeholders; a recipient missing one is reported invalid.',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({
    required: true,
    description: 'JSON: CreateCampaignRequestDto. CSV (`text/csv`): the file, its first line the header (`number,name,date` …).',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CreateCampaignRequestDto) },
        { type: 'string', title: 'CSV', example: 'number,name,date\n+15558675310,Ada,March 3\n' },
      ],
    },
  })
  @ApiQuery({ type: CreateCampaignQueryDto })
  @ApiCreatedResponse({ type: CampaignViewDto, description: 'The campaign and its pre-flight report.' })
  @ApiErrorExamples({
    400: [ERROR_EXAMPLES.validationFailed, ERROR_EXAMPLES.invalidContent],
    403: [{ code: 'FROM_NUMBER_NOT_ALLOWED', message: 'This API key may not send from +15550100002.' }],
    422: [ERROR_EXAMPLES.channelNotSupported],
  })
  async create(@Req() request: Request, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    const isCsv = request.is('text/csv') === 'text/csv';
    const settings = (await this.validation.transform(isCsv ? request.query : (request.body ?? {}), {
      type: isCsv ? 'query' : 'body',
      metatype: isCsv ? CreateCampaignCsvQueryDto : CreateCampaignRequestDto,
    })) as CampaignSettingsDto & Partial<CreateCampaignRequestDto & CreateCampaignCsvQueryDto>;
    for (const sender of settings.senders) assertMaySendFrom(caller, sender);
    const recipients = isCsv
      ? recipientsFromCsv(request, {
          numberColumn: settings.numberColumn ?? 'number',
          nameColumn: settings.nameColumn ?? 'name',
          variableColumns: settings.variableColumns ? parseVariableColumns(settings.variableColumns) : undefined,
        })
      : (settings.recipients ?? []).map((recipient, index) => ({ row: index + 1, ...recipient }));
    const campaign = await this.createCampaign.execute({
      name: settings.name,
      body: settings.body,
      channel: settings.channel,
      contentSid: settings.contentSid,
      senders: settings.senders,
      pacingPerSecond: settings.pacingPerSecond,
      quietHours: { ...(settings.sendFrom ? { sendFrom: settings.sendFrom } : {}), ...(settings.sendUntil ? { sendUntil: settings.sendUntil } : {}) },
      startAt: settings.startAt ? new Date(settings.startAt) : undefined,
      inConversation: settings.inConversation,
      filteredStopThreshold: settings.filteredStopThreshold,
      dryRun: settings.dryRun === true || request.query.dryRun === 'true',
      recipients,
      caller: callerReference(caller),
    });
    this.runner.wake();
    return this.query.get(caller, campaign.id);
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest first, with their counts, rate and ETA' })
  @ApiOkResponse({ type: [CampaignViewDto] })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  list(@Query() query: CampaignListQueryDto, @CurrentCaller() caller: Caller): Promise<CampaignView[]> {
    return this.query.list(caller, query.limit ?? 20);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign: status, counts by recipient state, current rate, ETA and its pre-flight report' })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND] })
  get(@Param() params: CampaignParamsDto, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    return this.query.get(caller, params.id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a campaign: sends in flight finish, the rest wait' })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND], 409: [STATE_CONFLICT] })
  pause(@Param() params: CampaignParamsDto, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    return this.control(caller, params.id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused campaign, or one stopped for review' })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND], 409: [STATE_CONFLICT] })
  resume(@Param() params: CampaignParamsDto, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    return this.control(caller, params.id, 'resume');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a campaign: recipients not sent yet are settled `cancelled`' })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND], 409: [STATE_CONFLICT] })
  cancel(@Param() params: CampaignParamsDto, @CurrentCaller() caller: Caller): Promise<CampaignView> {
    return this.control(caller, params.id, 'cancel');
  }

  @Get(':id/recipients')
  @ApiOperation({ summary: "A campaign's recipients in list order, optionally in one state, with each one's outcome" })
  @ApiOkResponse({ type: CampaignRecipientListDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND] })
  async recipients(
    @Param() params: CampaignParamsDto,
    @Query() query: CampaignRecipientsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CampaignRecipientListDto> {
    await this.query.campaign(caller, params.id);
    const limit = query.limit ?? 100;
    const recipients = await this.query.recipients(params.id, { state: query.state, afterPosition: query.after, limit });
    return { recipients: recipients.map(recipientView), next: recipients.length === limit ? recipients[recipients.length - 1].position : null };
  }

  @Get(':id/recipients.csv')
  @ApiOperation({ summary: "The campaign's results as CSV: each recipient's outcome and delivery status (when Twilio reported one)" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV with a header line', schema: { type: 'string' } })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [NOT_FOUND] })
  async recipientsCsv(
    @Param() params: CampaignParamsDto,
    @Query() query: CampaignRecipientsCsvQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    await this.query.campaign(caller, params.id);
    response.status(200).type('text/csv').setHeader('Content-Disposition', `attachment; filename="campaign-${params.id}.csv"`);
    response.write(CSV_HEADER);
    // Page by page, so a 100,000-recipient export never sits in memory either.
    for (let after = -1; ;) {
      const page = await this.query.recipients(params.id, { state: query.state, afterPosition: after, limit: EXPORT_PAGE });
      if (page.length) response.write(page.map(csvLine).join(''));
      if (page.length < EXPORT_PAGE) break;
      after = page[page.length - 1].position;
    }
    response.end();
  }

  private async control(caller: Caller, campaignId: string, action: CampaignAction): Promise<CampaignView> {
    await this.query.campaign(caller, campaignId);
    await this.controlCampaign.execute(campaignId, action);
    if (action === 'resume') this.runner.wake();
    return this.query.get(caller, campaignId);
  }
}

function recipientView({ campaignId: _campaign, ...recipient }: CampaignRecipient) {
  return { ...recipient, notBefore: recipient.notBefore?.toISOString() ?? null, settledAt: recipient.settledAt?.toISOString() ?? null };
}
