import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChatModule } from '../chat/chat.module';
import { MessageEntity } from '../chat/entities/message.entity';
import { MemberIgnoreEntity } from '../membership/entities/member-ignore.entity';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { ContentPolicyModule } from '../content-policy/content-policy.module';
import { MembershipModule } from '../membership/membership.module';
import { MemberMuteEntity } from '../room-rules/entities/member-mute.entity';
import { RoomRulesModule } from '../room-rules/room-rules.module';
import { AdminModerationController } from './admin-moderation.controller';
import { MemberNoteEntity } from './entities/member-note.entity';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { MessageModerationController } from './message-moderation.controller';
import { MessageModeration } from './message-moderation.service';
import { ModerationLog } from './moderation-log';
import { ModerationSealing } from './moderation-sealing';
import { ExpiredMessageReferences } from './expired-message-references';
import { SafetyAlerts } from './safety-alerts';
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
    TypeOrmModule.forFeature([
      ReportEntity,
      MemberNoteEntity,
      SafetyAlertEntity,
      ModerationLogEntryEntity,
      MessageEntity,
      MembershipEntity,
      MemberIgnoreEntity,
      MemberMuteEntity,
    ]),
    ChatModule,
    MembershipModule,
    RoomRulesModule,
    ContentPolicyModule,
  ],
  controllers: [
    MessageModerationController,
    MemberModerationController,
    GroupModerationController,
    ReportsController,
    SafetyController,
    IgnoreListController,
    AdminModerationController,
  ],
  providers: [
    ModerationAccess,
    ModerationLog,
    ModerationSealing,
    SafetyAlerts,
    ExpiredMessageReferences,
    MessageModeration,
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
