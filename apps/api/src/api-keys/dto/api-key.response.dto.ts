import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/caller';
import type { ApiKey } from '../api-key';

export class ApiKeyDto implements ApiKey {
  @ApiProperty({ example: 'key_6f1d2c3b4a5e6f708192a3b4' })
  id!: string;

  @ApiProperty({ example: 'Salesforce reminders' })
  name!: string;

  @ApiProperty({ example: 'fsk_Ab3dE6gH', description: 'The start of the key, to recognise it; the key itself is never shown again' })
  prefix!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ type: [String], example: ['+15550100001'] })
  allowedFromNumbers?: string[];

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'https://crm.example.com/flex-sms/callbacks',
    description: 'Where the state changes of the key’s requests are POSTed, signed with the key’s signing secret (system callbacks); null = nowhere',
  })
  callbackUrl!: string | null;

  @ApiProperty({
    description: 'Whether the key has a signing secret (shown once, when made; keys older than system callbacks get one when it is rotated)',
  })
  hasSigningSecret!: boolean;

  @ApiProperty({ example: 'user:usr_0a1b2c3d4e5f60718293a4b5' })
  createdBy!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ nullable: true, type: Date })
  lastUsedAt!: Date | null;

  @ApiProperty({ nullable: true, type: Date })
  revokedAt!: Date | null;
}

export class CreatedApiKeyDto {
  @ApiProperty({ type: ApiKeyDto })
  apiKey!: ApiKeyDto;

  @ApiProperty({ example: 'fsk_Ab3dE6gH_q8W2…', description: 'The key. Shown this once: only its hash is stored.' })
  key!: string;

  @ApiProperty({
    example: 'fss_3q2+7w…',
    description: 'The secret the key’s callbacks are signed with (X-Flex-Sms-Signature: sha256=HMAC-SHA256 of the body). Shown this once.',
  })
  signingSecret!: string;
}

export class RotatedSigningSecretDto {
  @ApiProperty({ type: ApiKeyDto })
  apiKey!: ApiKeyDto;

  @ApiProperty({ example: 'fss_3q2+7w…', description: 'The new signing secret, shown this once; the old one no longer signs anything.' })
  signingSecret!: string;
}
