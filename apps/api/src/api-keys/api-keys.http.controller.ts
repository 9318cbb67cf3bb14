import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import { ApiException } from '../common/api-exception';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import type { ApiKey } from './api-key';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.response.dto';
import { CreateApiKeyRequestDto } from './dto/create-api-key.request.dto';

@ApiTags('API keys')
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (shown once)', description: 'Only a scrypt hash of the key is stored; keep the key from this answer.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed] })
  create(@Body() body: CreateApiKeyRequestDto, @CurrentCaller() caller: Caller): Promise<{ apiKey: ApiKey; key: string }> {
    return this.apiKeys.create(body, caller);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, newest first (revoked ones included, marked)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list(): Promise<ApiKey[]> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Takes effect on the next request. Revoking a revoked key changes nothing.' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiErrorExamples({ 404: [ERROR_EXAMPLES.apiKeyNotFound] })
  async revoke(@Param('id') id: string): Promise<ApiKey> {
    const revoked = await this.apiKeys.revoke(id);
    if (!revoked) throw new ApiException(404, 'API_KEY_NOT_FOUND', `API key ${id} was not found.`, { context: { apiKeyId: id } });
    return revoked;
  }
}
