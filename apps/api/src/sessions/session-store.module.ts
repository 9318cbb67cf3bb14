import { Module } from '@nestjs/common';
import { SqlSessionStore } from './sql-session-store';

/** The session table alone, for the users module (a new password ends sessions) without a cycle through login. */
@Module({ providers: [SqlSessionStore], exports: [SqlSessionStore] })
export class SessionStoreModule {}
