import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/caller';

export class WhoAmIDto {
  @ApiProperty({ enum: ['api-key', 'user', 'bootstrap'], example: 'user' })
  kind!: 'api-key' | 'user' | 'bootstrap';

  @ApiProperty({ example: 'usr_0a1b2c3d4e5f60718293a4b5' })
  id!: string;

  @ApiProperty({ example: 'ada', description: "The username, or the API key's name" })
  name!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ type: [String], description: 'Sender numbers an API key is restricted to' })
  allowedFromNumbers?: readonly string[];

  @ApiPropertyOptional({ description: 'When a console session ends' })
  sessionExpiresAt?: Date;
}

export class SignedInDto {
  @ApiProperty({ type: WhoAmIDto })
  user!: WhoAmIDto;

  @ApiProperty()
  sessionExpiresAt!: Date;
}
