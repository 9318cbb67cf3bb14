import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { ApiErrorExamples, ERROR_EXAMPLES } from '../common/api-error-examples.decorator';
import type { ConsoleUser } from './console-user';
import { CreateUserRequestDto, UpdateUserRequestDto } from './dto/user.request.dto';
import { ConsoleUserDto } from './dto/user.response.dto';
import { UsersService } from './users.service';

@ApiTags('Console users')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a console user' })
  @ApiCreatedResponse({ type: ConsoleUserDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 409: [ERROR_EXAMPLES.usernameTaken] })
  create(@Body() body: CreateUserRequestDto): Promise<ConsoleUser> {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List console users' })
  @ApiOkResponse({ type: [ConsoleUserDto] })
  list(): Promise<ConsoleUser[]> {
    return this.users.list();
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role or password", description: 'A new password ends all of the user’s sessions.' })
  @ApiOkResponse({ type: ConsoleUserDto })
  @ApiErrorExamples({ 400: [ERROR_EXAMPLES.validationFailed], 404: [ERROR_EXAMPLES.userNotFound], 409: [ERROR_EXAMPLES.lastAdmin] })
  update(@Param('id') id: string, @Body() body: UpdateUserRequestDto): Promise<ConsoleUser> {
    return this.users.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a console user (and end their sessions)' })
  @ApiNoContentResponse()
  @ApiErrorExamples({ 404: [ERROR_EXAMPLES.userNotFound], 409: [ERROR_EXAMPLES.lastAdmin] })
  delete(@Param('id') id: string): Promise<void> {
    return this.users.delete(id);
  }
}
