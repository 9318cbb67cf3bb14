import { Module } from '@nestjs/common';
import { ApiKeyVerifier } from './api-key-verifier';
import { ApiKeysController } from './api-keys.http.controller';
import { ApiKeysService } from './api-keys.service';
import { SqlApiKeyStore } from './sql-api-key-store';

@Module({
  controllers: [ApiKeysController],
  providers: [SqlApiKeyStore, ApiKeyVerifier, ApiKeysService],
  exports: [ApiKeyVerifier],
})
export class ApiKeysModule {}
