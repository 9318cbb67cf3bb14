import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../auth/caller';
import type { ConsoleUser } from '../console-user';

export class ConsoleUserDto implements ConsoleUser {
  @ApiProperty({ example: 'usr_0a1b2c3d4e5f60718293a4b5' })
  id!: string;

  @ApiProperty({ example: 'ada' })
  username!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}
