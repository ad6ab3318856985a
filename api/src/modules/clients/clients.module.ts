import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountEntity } from '../accounts/entities/account.entity';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { CaseAccessGuard } from './case-access';
import { CaseCoordinatorsService } from './case-coordinators.service';
import { CaseFilesService } from './case-files.service';
import { CaseJobs } from './case-jobs';
import { CaseRemindersService } from './case-reminders.service';
import { CaseRetentionService } from './case-retention.service';
import { CaseTasksService } from './case-tasks.service';
import { CaseViews } from './case-view';
import { ClientSealing } from './client-sealing';
import { ClientsController } from './clients.controller';
import { ClientsPersonalData } from './clients-personal-data';
import { ClientsService } from './clients.service';
import { AdminClientsController, CoordinatorsController } from './coordinators.controller';
import { CaseCoordinatorEntity } from './entities/case-coordinator.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { ClientCaseEntity } from './entities/client-case.entity';
import { ScreeningEntity } from './entities/screening.entity';
import { ScreeningsService } from './screenings.service';

/**
 * Case work for coordinators (CONTRACT "Case work for coordinators"). Sits above referrals (it
 * links them by the reference's keyed hash) and listens to account events from below.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ClientCaseEntity, CaseCoordinatorEntity, CaseTaskEntity, ScreeningEntity, AccountEntity]),
    AccountsModule,
    ReferralsModule,
    NotificationsModule,
    JobsModule,
  ],
  controllers: [ClientsController, CoordinatorsController, AdminClientsController],
  providers: [
    CaseAccessGuard,
    ClientSealing,
    CaseViews,
    ClientsService,
    CaseCoordinatorsService,
    CaseTasksService,
    ScreeningsService,
    CaseFilesService,
    CaseRemindersService,
    CaseRetentionService,
    CaseJobs,
    ClientsPersonalData,
  ],
})
export class ClientsModule {}
