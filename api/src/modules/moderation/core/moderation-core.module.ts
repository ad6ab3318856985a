import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../../accounts/accounts.module';
import { MembershipModule } from '../../membership/membership.module';
import { SchedulingModule } from '../../scheduling/scheduling.module';
import { HelpLineEntity } from './entities/help-line.entity';
import { MemberIgnoreEntity } from './entities/member-ignore.entity';
import { MemberMuteEntity } from './entities/member-mute.entity';
import { ModerationLogEntryEntity } from './entities/moderation-log-entry.entity';
import { RoomSettingsEntity } from './entities/room-settings.entity';
import { SafetyAlertEntity } from './entities/safety-alert.entity';
import { WatchedWordEntity } from './entities/watched-word.entity';
import { HelpLines } from './help-lines';
import { ModerationHooks } from './moderation-hooks';
import { ModerationLog } from './moderation-log';
import { ModerationSealing } from './moderation-sealing';
import { ModerationView } from './moderation-view';
import { SafetyAlerts } from './safety-alerts';
import { SendGate } from './send-gate';

/**
 * The lower piece of moderation that chat needs on its send path (mutes, slow mode, room controls,
 * watched words, hides, safety alerts, the log writer), so that chat does not depend on the
 * moderation feature, which itself uses chat to remove and release messages.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RoomSettingsEntity,
      MemberMuteEntity,
      WatchedWordEntity,
      MemberIgnoreEntity,
      SafetyAlertEntity,
      ModerationLogEntryEntity,
      HelpLineEntity,
    ]),
    AccountsModule,
    MembershipModule,
    SchedulingModule,
  ],
  providers: [ModerationView, ModerationLog, ModerationSealing, SafetyAlerts, HelpLines, SendGate, ModerationHooks],
  exports: [ModerationView, ModerationLog, ModerationSealing, SafetyAlerts, HelpLines, SendGate, TypeOrmModule],
})
export class ModerationCoreModule {}
