import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GiveTurnDto, RaiseHandDto, RoundOrderDto, StartRoundDto, type Floor } from '@tryg/shared';
import { CurrentAuth, type RequestAuth } from '../../../common/request-auth';
import { TalkingOrder } from './talking-order.service';

@ApiTags('talking order')
@Controller('groups/:id')
export class FloorController {
  constructor(private readonly order: TalkingOrder) {}

  @Get('floor')
  @ApiOperation({ summary: 'The talking order: raised hands, who speaks and until when, the current round' })
  floor(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<Floor> {
    return this.order.get(auth, groupId);
  }

  @Post('floor/hand')
  @HttpCode(200)
  @ApiOperation({ summary: 'Raise or lower my hand (members)' })
  hand(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Body() dto: RaiseHandDto): Promise<Floor> {
    return this.order.hand(auth, groupId, dto.raised);
  }

  @Post('floor/give')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the turn: to a member, or the next in the round, or the first hand (facilitators)' })
  give(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Body() dto: GiveTurnDto): Promise<Floor> {
    return this.order.give(auth, groupId, dto);
  }

  @Post('floor/done')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the turn ("I\'m done" or pass, by the speaker; or a facilitator): in a round the next one speaks',
  })
  done(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<Floor> {
    return this.order.done(auth, groupId);
  }

  @Post('rounds')
  @ApiOperation({ summary: 'Start a round over the participants in the room now (facilitators)' })
  startRound(
    @CurrentAuth() auth: RequestAuth,
    @Param('id') groupId: string,
    @Body() dto: StartRoundDto,
  ): Promise<Floor> {
    return this.order.startRound(auth, groupId, dto);
  }

  @Put('rounds/current/order')
  @ApiOperation({ summary: 'Reorder the current round (facilitators)' })
  reorder(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string, @Body() dto: RoundOrderDto): Promise<Floor> {
    return this.order.reorder(auth, groupId, dto);
  }

  @Delete('rounds/current')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current round (facilitators)' })
  endRound(@CurrentAuth() auth: RequestAuth, @Param('id') groupId: string): Promise<void> {
    return this.order.endRound(auth, groupId);
  }
}
