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
}
