import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { GroupsModule } from '../groups/groups.module';
import { JobsModule } from '../jobs/jobs.module';
import { DisplayNameRegistry } from './display-name-registry';
import { DisplayNameReservationEntity } from './entities/display-name-reservation.entity';
import { GroupBanEntity } from './entities/group-ban.entity';
import { MemberHideEntity } from './entities/member-hide.entity';
import { MemberIgnoreEntity } from './entities/member-ignore.entity';
import { MeController } from './me.controller';
import { MemberVisibility } from './member-visibility';
import { MembershipEntity } from './entities/membership.entity';
import { FacilitatorsService } from './facilitators.service';
import { GroupsController } from './groups.controller';
import { MembersController } from './members.controller';
import { MembershipService } from './membership.service';
import { MembershipPersonalData } from './membership-personal-data';
import { MembershipDirectory } from './membership-directory';
import { OwnMembershipService } from './own-membership.service';
import { ReservedNamesPurgeJob } from './reserved-names-purge.job';

@Module({
  imports: [
    TypeOrmModule.forFeature([MembershipEntity, GroupBanEntity, MemberHideEntity, MemberIgnoreEntity, DisplayNameReservationEntity]),
    GroupsModule,
    AccountsModule,
    AuthModule,
    JobsModule,
  ],
  controllers: [GroupsController, MembersController, MeController],
  providers: [
    MembershipService,
    OwnMembershipService,
    FacilitatorsService,
    MembershipPersonalData,
    MembershipDirectory,
    MemberVisibility,
    DisplayNameRegistry,
    ReservedNamesPurgeJob,
  ],
  exports: [MembershipService, MembershipDirectory, MemberVisibility, GroupsModule],
})
export class MembershipModule {}
