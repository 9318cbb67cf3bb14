import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../auth/caller';
import { MIN_PASSWORD_LENGTH } from '../../config/load-app-config';

/** Long enough to resist offline guessing, short enough that hashing it is not a denial of service. */
const MAX_PASSWORD_LENGTH = 256;
const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

export class CreateUserRequestDto {
  @ApiProperty({ example: 'ada', description: '3–64 letters, digits or . _ @ -; unique whatever the case', pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3 to 64 letters, digits or . _ @ -' })
  username!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, example: 'correct horse battery staple' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'operator' })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateUserRequestDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: 'A new password signs the user out of every session',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}
