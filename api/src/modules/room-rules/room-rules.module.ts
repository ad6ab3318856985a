import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipModule } from '../membership/membership.module';
import { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { MemberMuteEntity } from './entities/member-mute.entity';
import { RoomFloorEntity } from './entities/room-floor.entity';
import { RoomSettingsEntity } from './entities/room-settings.entity';
import { FloorController } from './floor/floor.controller';
import { TalkingOrder } from './floor/talking-order.service';
import { RoomRules } from './room-rules.service';
import { RoomWindowJob } from './room-window.job';
import { SlowMode } from './slow-mode';

/**
 * The room's rules (window, facilitator present, lock, slow mode, mutes, the talking order), below
 * chat and moderation: chat reads them on every send, moderation changes them through RoomRules.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RoomSettingsEntity, MemberMuteEntity, MeetingEntity, RoomFloorEntity]), GroupsModule, JobsModule, MembershipModule],
  controllers: [FloorController],
  providers: [RoomRules, SlowMode, RoomWindowJob, TalkingOrder],
  exports: [RoomRules, TalkingOrder],
})
export class RoomRulesModule {}
