import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { CommonModule } from './common/common.module';
import { ApiExceptionFilter } from './common/exception.filter';
import { PermissionGuard } from './common/permission.guard';
import { RequestShapeGuard } from './common/request-shape.guard';
import { InstanceContactGuard } from './common/instance-contact.guard';
import { createValidationPipe } from './common/validation';
import { DatabaseModule } from './database/database.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ClientConfigModule } from './modules/client-config/client-config.module';
import { SessionGuard } from './modules/auth/session.guard';
import { HealthModule } from './modules/health/health.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { StaffModule } from './modules/staff/staff.module';
import { TestClockModule } from './modules/test-clock/test-clock.module';
import { GroupsModule } from './modules/groups/groups.module';
import { MembershipModule } from './modules/membership/membership.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { IntakeModule } from './modules/intake/intake.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { IncidentsModule } from './modules/incidents/incidents.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { ChatModule } from './modules/chat/chat.module';
import { ModerationModule } from './modules/moderation/moderation.module';
import { RoomRulesModule } from './modules/room-rules/room-rules.module';
import { ContentPolicyModule } from './modules/content-policy/content-policy.module';
import { ClientsModule } from './modules/clients/clients.module';
import { CoverModule } from './modules/cover/cover.module';
import { CareLoopModule } from './modules/care-loop/care-loop.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: class ConfigHolder {}, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] },
        CommonModule,
        DatabaseModule,
        RealtimeModule,
        AuditModule,
        AccountsModule,
        AuthModule,
        StaffModule,
        HealthModule,
        GroupsModule,
        MembershipModule,
        ReferralsModule,
        IntakeModule,
        PrivacyModule,
        IncidentsModule,
        NotificationsModule,
        SchedulingModule,
        ContentPolicyModule,
        RoomRulesModule,
        ChatModule,
        ModerationModule,
        ClientsModule,
        CoverModule,
        CareLoopModule,
        ClientConfigModule,
        ...(config.testRoutes ? [TestClockModule] : []),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Guard order is the CONTRACT's check order: session (401) → request shape (400) → role (403);
        // a change on an instance cut off from the others is refused (503) right after the session.
        { provide: APP_GUARD, useExisting: SessionGuard },
        { provide: APP_GUARD, useClass: InstanceContactGuard },
        { provide: APP_GUARD, useClass: RequestShapeGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
      ],
    };
  }
}
