import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { DeploymentGate } from './deployment-gate';
import { SqlDeploymentRecord } from './deployment-record';

/** Refuses to start on a database of another deployment, or with demo credentials on a real account. */
@Module({
  imports: [UsersModule],
  providers: [SqlDeploymentRecord, DeploymentGate],
})
export class DeploymentModule {}
