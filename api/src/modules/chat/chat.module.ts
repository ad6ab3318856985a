import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuthModule } from '../auth/auth.module';
import { JobsModule } from '../jobs/jobs.module';
import { MembershipEntity } from '../membership/entities/membership.entity';
import { MembershipModule } from '../membership/membership.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { ChatBroadcaster } from './chat-broadcaster';
import { ChatPersonalData } from './chat-personal-data';
import { ChatRetentionService } from './chat-retention.service';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { MessageEntity } from './entities/message.entity';
import { RoomCounterEntity } from './entities/room-counter.entity';
import { MessageSealing } from './message-sealing';
import { MessageWriter } from './message-writer';
import { MessageModeration } from './message-moderation.service';
import { ModerationCoreModule } from '../moderation/core/moderation-core.module';
import { PresenceService } from './presence.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MessageEntity, RoomCounterEntity, MembershipEntity]),
    MembershipModule,
    AuthModule,
    AccountsModule,
    SchedulingModule,
    JobsModule,
    ModerationCoreModule,
  ],
  controllers: [ChatController],
  providers: [
    ChatGateway,
    ChatService,
    MessageWriter,
    MessageSealing,
    ChatBroadcaster,
    PresenceService,
    ChatRetentionService,
    ChatPersonalData,
    MessageModeration,
  ],
  exports: [ChatService, ChatBroadcaster, MessageSealing, MessageModeration, PresenceService],
})
export class ChatModule {}
