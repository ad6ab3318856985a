import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { MessageEntity } from '../chat/entities/message.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipModule } from '../membership/membership.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { AdminModerationController } from './admin-moderation.controller';
import { ModerationCoreModule } from './core/moderation-core.module';
import { MemberNoteEntity } from './entities/member-note.entity';
import { ReportEntity } from './entities/report.entity';
import { GroupModerationController } from './group-moderation.controller';
import { HelpLinesService } from './help-lines.service';
import { IgnoreListController } from './ignore-list.controller';
import { IgnoreListService } from './ignore-list.service';
import { MemberModerationController } from './member-moderation.controller';
import { MemberModerationService } from './member-moderation.service';
import { MemberNotesService } from './member-notes.service';
import { ModerationAccess } from './moderation-access';
import { ModerationLogService } from './moderation-log.service';
import { ModerationNotices } from './moderation-notices';
import { ModerationPersonalData } from './moderation-personal-data';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { RoomControlsService } from './room-controls.service';
import { SafetyController } from './safety.controller';
import { SafetyService } from './safety.service';
import { WatchedWordsService } from './watched-words.service';

/**
 * Moderation and safety: facilitators' actions on members, messages and the room; members'
 * reports, safety alerts and ignore lists; watched words, help lines, notes and the log.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReportEntity, MemberNoteEntity, MessageEntity, MembershipEntity]),
    ModerationCoreModule,
    ChatModule,
    MembershipModule,
    SchedulingModule,
  ],
  controllers: [
    MemberModerationController,
    GroupModerationController,
    ReportsController,
    SafetyController,
    IgnoreListController,
    AdminModerationController,
  ],
  providers: [
    ModerationAccess,
    ModerationNotices,
    MemberModerationService,
    RoomControlsService,
    ReportsService,
    SafetyService,
    WatchedWordsService,
    MemberNotesService,
    IgnoreListService,
    HelpLinesService,
    ModerationLogService,
    ModerationPersonalData,
  ],
})
export class ModerationModule {}
