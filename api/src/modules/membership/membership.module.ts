import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ACCOUNT_MEMBERSHIPS } from '../auth/account-memberships';
import { GroupsModule } from '../groups/groups.module';
import { JobsModule } from '../jobs/jobs.module';
import { DisplayNameRegistry } from './display-name-registry';
import { DisplayNameReservationEntity } from './entities/display-name-reservation.entity';
import { GroupBanEntity } from './entities/group-ban.entity';
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
  imports: [TypeOrmModule.forFeature([MembershipEntity, GroupBanEntity, DisplayNameReservationEntity]), GroupsModule, AccountsModule, JobsModule],
  controllers: [GroupsController, MembersController],
  providers: [
    MembershipService,
    OwnMembershipService,
    FacilitatorsService,
    MembershipPersonalData,
    MembershipDirectory,
    DisplayNameRegistry,
    ReservedNamesPurgeJob,
    { provide: ACCOUNT_MEMBERSHIPS, useExisting: MembershipService },
  ],
  exports: [MembershipService, MembershipDirectory, ACCOUNT_MEMBERSHIPS, GroupsModule],
})
export class MembershipModule {}
