import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../auth/caller';
import { IsE164PhoneNumber } from '../../common/validation/phone-number.validators';

export class CreateApiKeyRequestDto {
  @ApiProperty({ description: 'What the key is for, so a person can tell keys apart', example: 'Salesforce reminders' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'operator', description: 'operator: send and read; admin: everything, including keys and users' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ type: [String], example: ['+15550100001'], description: 'Sender numbers (E.164) the key may send from; omit for any' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsE164PhoneNumber({ each: true })
  allowedFromNumbers?: string[];
}
