import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { ContentPolicyModule } from '../content-policy/content-policy.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipModule } from '../membership/membership.module';
import { RoomRulesModule } from '../room-rules/room-rules.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatPersonalData } from './chat-personal-data';
import { ChatRetentionService } from './chat-retention.service';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { MessageEntity } from './entities/message.entity';
import { RoomCounterEntity } from './entities/room-counter.entity';
import { ListeningSessions } from './listening-sessions';
import { MessageSealing } from './message-sealing';
import { MessageWriter } from './message-writer';
import { PresenceService } from './presence.service';
import { RoomListeners } from './room-listeners.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MessageEntity, RoomCounterEntity, MembershipEntity]),
    MembershipModule,
    AuthModule,
    AccountsModule,
    SchedulingModule,
    JobsModule,
    RoomRulesModule,
    ContentPolicyModule,
  ],
  controllers: [ChatController],
  providers: [
    ChatGateway,
    ChatService,
    RoomListeners,
    ListeningSessions,
    MessageWriter,
    MessageSealing,
    ChatBroadcaster,
    PresenceService,
    ChatRetentionService,
    ChatPersonalData,
  ],
  exports: [ChatService, ChatBroadcaster, MessageSealing, PresenceService],
})
export class ChatModule {}
