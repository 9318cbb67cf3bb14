import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { ApiException } from '../common/api-exception';
import { IsE164PhoneNumber } from '../common/validation/phone-number.validators';
import { ConsentCsvHeaderInvalid, EXPORT_COLUMNS, exportLine, exportRow } from './consent-csv';
import { toConsentScope } from './consent-entry';
import { ConsentService } from './consent.service';
import { AddOptOutRequestDto, ListOptOutsQueryDto, RemoveOptOutQueryDto } from './dto/consent.request.dto';
import { ConsentAuditEntryDto, ConsentImportResultDto, OptOutDto, OptOutPageDto } from './dto/consent.response.dto';
import type { ConsentAuditEntry, OptOutEntry, OptOutPage } from './sql-consent-register';

export class RecipientParamsDto {
  @ApiProperty({ description: "The customer's number, E.164 (`+` may be sent as %2B).", example: '+14155550123' })
  @IsE164PhoneNumber()
  recipient!: string;
}

const CSV = 'text/csv';

@ApiTags('Consent register')
@Controller('consent')
@Roles('admin')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get()
  @ApiOperation({ summary: 'List opt-outs, newest first', description: "Search by any part of the customer's number; filter by scope." })
  @ApiOkResponse({ type: OptOutPageDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  list(@Query() query: ListOptOutsQueryDto): Promise<OptOutPage> {
    return this.consent.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Record an opt-out',
    description:
      'From then on every send to the recipient from the scope is refused with 422 RECIPIENT_OPTED_OUT before Twilio is asked. An opt-out already on file keeps its date; the entry is audited either way.',
  })
  @ApiCreatedResponse({ type: OptOutDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  add(@Body() body: AddOptOutRequestDto, @CurrentCaller() caller: Caller): Promise<OptOutEntry> {
    return this.consent.add(caller, { recipient: body.recipient, scope: toConsentScope(body.scope) ?? body.scope, reason: body.reason.trim() });
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'Every opt-out as CSV',
    description: `Columns ${EXPORT_COLUMNS.join(',')}; importable as is (POST /api/v1/consent/import).`,
  })
  @ApiProduces(CSV)
  @ApiOkResponse({ description: 'CSV, header first', schema: { type: 'string' } })
  async export(@Res() response: Response): Promise<void> {
    response.status(200).type(CSV).setHeader('Content-Disposition', 'attachment; filename="consent-opt-outs.csv"');
    response.write(exportLine(EXPORT_COLUMNS));
    try {
      for await (const optOut of this.consent.each()) response.write(exportRow(optOut));
      response.end();
    } catch {
      // The status went out with the header: a cut connection is the only way left to say the file is incomplete.
      response.destroy();
    }
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import opt-outs from CSV',
    description:
      'Body: text/csv with a header naming recipient,scope,reason (other columns are ignored, so an export imports as is). Streamed: rows are recorded as they arrive (source `import`); a bad row is reported with its line and fields, the others are recorded. A file that stops being CSV (an unclosed quote) ends the import there: `complete` is false, the rows before it stay recorded.',
  })
  @ApiConsumes(CSV)
  @ApiBody({ schema: { type: 'string', example: 'recipient,scope,reason\n+14155550123,+15005550006,Asked not to be texted\n' } })
  @ApiOkResponse({ type: ConsentImportResultDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.csvHeaderInvalid], 415: [ERROR_EXAMPLES.csvUnsupportedMediaType] })
  async import(@Req() request: Request, @CurrentCaller() caller: Caller): Promise<ConsentImportResultDto> {
    if (!request.is(CSV)) throw new ApiException(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as Content-Type: text/csv.');
    try {
      return await this.consent.import(caller, request);
    } catch (error) {
      if (error instanceof ConsentCsvHeaderInvalid)
        throw new ApiException(400, 'CSV_HEADER_INVALID', error.message, { context: { missing: error.missing } });
      throw error;
    }
  }

  @Get(':recipient/audit')
  @ApiOperation({
    summary: "A customer's consent audit trail, oldest first",
    description: 'Every opt-out and opt-in, in every scope: how (source), who (actor) and why.',
  })
  @ApiParam({ name: 'recipient', example: '+14155550123' })
  @ApiOkResponse({ type: [ConsentAuditEntryDto] })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  audit(@Param() params: RecipientParamsDto): Promise<ConsentAuditEntry[]> {
    return this.consent.auditOf(params.recipient);
  }

  @Delete(':recipient')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an opt-out (the customer may be messaged from the scope again)', description: 'Audited with the reason given.' })
  @ApiParam({ name: 'recipient', example: '+14155550123' })
  @ApiNoContentResponse()
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [ERROR_EXAMPLES.optOutNotFound] })
  remove(@Param() params: RecipientParamsDto, @Query() query: RemoveOptOutQueryDto, @CurrentCaller() caller: Caller): Promise<void> {
    return this.consent.remove(caller, params.recipient, toConsentScope(query.scope) ?? query.scope, query.reason.trim());
  }
}
