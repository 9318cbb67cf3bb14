import { Module } from '@nestjs/common';
import { SessionStoreModule } from '../sessions/session-store.module';
import { InitialAdmin } from './initial-admin';
import { SqlUserStore } from './sql-user-store';
import { UsersController } from './users.http.controller';
import { UsersService } from './users.service';

@Module({
  imports: [SessionStoreModule],
  controllers: [UsersController],
  providers: [SqlUserStore, UsersService, InitialAdmin],
  exports: [SqlUserStore],
})
export class UsersModule {}
