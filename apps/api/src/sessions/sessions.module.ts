import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { LoginThrottle } from './login-throttle';
import { SessionStoreModule } from './session-store.module';
import { SessionsController } from './sessions.http.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [UsersModule, SessionStoreModule],
  controllers: [SessionsController],
  providers: [SessionsService, LoginThrottle],
  exports: [SessionsService],
})
export class SessionsModule {}
