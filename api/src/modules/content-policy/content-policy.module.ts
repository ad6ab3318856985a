import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HelpLineEntity } from './entities/help-line.entity';
import { WatchedWordEntity } from './entities/watched-word.entity';
import { HelpLines } from './help-lines';
import { WatchedWords } from './watched-words';

/**
 * What a message's words mean: watched words (hold, crisis), identifying information, and the help
 * lines shown with crisis wording. A leaf: it depends on no other feature.
 */
@Module({
  imports: [TypeOrmModule.forFeature([WatchedWordEntity, HelpLineEntity])],
  providers: [WatchedWords, HelpLines],
  exports: [WatchedWords, HelpLines],
})
export class ContentPolicyModule {}
