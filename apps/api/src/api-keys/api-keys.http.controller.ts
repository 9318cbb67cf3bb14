import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import { assertCallbackUrl } from '../system-callbacks/callback-url';
import type { ApiKey } from './api-key';
import { ApiKeysService, apiKeyNotFound as notFound } from './api-keys.service';
import { ApiKeyDto, CreatedApiKeyDto, RotatedSigningSecretDto } from './dto/api-key.response.dto';
import { CreateApiKeyRequestDto } from './dto/create-api-key.request.dto';
import { UpdateApiKeyRequestDto } from './dto/update-api-key.request.dto';

@ApiTags('API keys')
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an API key (shown once)',
    description: 'Only a scrypt hash of the key is stored; keep the key, and the signing secret its callbacks are signed with, from this answer.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  create(@Body() body: CreateApiKeyRequestDto, @CurrentCaller() caller: Caller): Promise<{ apiKey: ApiKey; key: string; signingSecret: string }> {
    assertCallbackUrl('callbackUrl', body.callbackUrl, this.config.twilio.mode);
    return this.apiKeys.create(body, caller);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, newest first (revoked ones included, marked)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKey[]> {
    return this.apiKeys.list();
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Set or clear an API key's callback URL",
    description: 'Callbacks already queued still go to the URL they were queued for.',
  })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrorExamples({
    400: [ERROR_EXAMPLES.validationFailed],
    404: [ERROR_EXAMPLES.apiKeyNotFound],
    409: [ERROR_EXAMPLES.apiKeyRevoked, ERROR_EXAMPLES.signingSecretMissing],
  })
  async update(@Param('id') id: string, @Body() body: UpdateApiKeyRequestDto): Promise<ApiKey> {
    assertCallbackUrl('callbackUrl', body.callbackUrl, this.config.twilio.mode);
    if (body.callbackUrl === undefined) return (await this.apiKeys.get(id)) ?? notFound(id);
    return this.apiKeys.setCallbackUrl(id, body.callbackUrl);
  }

  @Post(':id/signing-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: "Rotate an API key's signing secret (shown once)",
    description: 'The new secret signs every callback sent from now on, those already queued included; the old one signs nothing more.',
  })
  @ApiOkResponse({ type: RotatedSigningSecretDto })
  @ApiErrorExamples({ 404: [ERROR_EXAMPLES.apiKeyNotFound], 409: [ERROR_EXAMPLES.apiKeyRevoked] })
  rotateSigningSecret(@Param('id') id: string): Promise<{ apiKey: ApiKey; signingSecret: string }> {
    return this.apiKeys.rotateSigningSecret(id);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Takes effect on the next request. Revoking a revoked key changes nothing.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrorExamples({ 404: [ERROR_EXAMPLES.apiKeyNotFound] })
  async revoke(@Param('id') id: string): Promise<ApiKey> {
    return (await this.apiKeys.revoke(id)) ?? notFound(id);
  }
}
