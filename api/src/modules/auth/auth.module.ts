import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionEntity } from './entities/session.entity';
import { RecoveryCodeEntity } from './entities/recovery-code.entity';
import { FirstAdminService } from './first-admin.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RecoveryCodesService } from './recovery-codes.service';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';
import { SocketIdentification } from './socket-identification';
import { SessionsPurgeJob } from './sessions-purge.job';
import { JobsModule } from '../jobs/jobs.module';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, RecoveryCodeEntity]), AccountsModule, JobsModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, PasswordHasher, LoginThrottle, RecoveryCodesService, FirstAdminService, SessionGuard, SessionsPurgeJob, SocketIdentification],
  exports: [AuthService, SessionsService, PasswordHasher, RecoveryCodesService, SessionGuard, LoginThrottle, SocketIdentification],
})
export class AuthModule {}
