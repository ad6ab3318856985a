import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupsModule } from '../groups/groups.module';
import { JobsModule } from '../jobs/jobs.module';
import { MeetingEntity } from '../scheduling/entities/meeting.entity';
import { MemberMuteEntity } from './entities/member-mute.entity';
import { RoomSettingsEntity } from './entities/room-settings.entity';
import { RoomRules } from './room-rules.service';
import { RoomWindowJob } from './room-window.job';
import { SlowMode } from './slow-mode';

/**
 * The room's rules (window, facilitator present, lock, slow mode, mutes), below chat and
 * moderation: chat reads them on every send, moderation changes them through RoomRules.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RoomSettingsEntity, MemberMuteEntity, MeetingEntity]), GroupsModule, JobsModule],
  providers: [RoomRules, SlowMode, RoomWindowJob],
  exports: [RoomRules],
})
export class RoomRulesModule {}
