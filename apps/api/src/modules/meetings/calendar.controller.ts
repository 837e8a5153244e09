import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '../../common/openapi/decorators.js';
import type { FastifyReply } from 'fastify';
import type { CalendarFeedDto, CalendarFeedStateDto } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser, Public } from '../../common/auth/decorators.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('meetings')
@Controller('calendar/feed')
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Get()
  @ApiBearerAuth()
  feed(@CurrentUser() user: AuthUser): Promise<CalendarFeedStateDto> {
    return this.calendar.feed(user);
  }

  @Post()
  @ApiBearerAuth()
  regenerate(@CurrentUser() user: AuthUser, @ClientIp() ip: string): Promise<CalendarFeedDto> {
    return this.calendar.regenerate(user, ip);
  }

  @Delete()
  @ApiBearerAuth()
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthUser, @ClientIp() ip: string): Promise<void> {
    return this.calendar.revoke(user, ip);
  }

  /** Public: the secret token in the path is the credential (calendar apps cannot send headers). */
  @Public()
  @Get(':token')
  @ApiProduces('text/calendar')
  async byToken(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.calendar.feedByToken(token);
    // set only on success: a 404 keeps its JSON body
    void reply.headers({ 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' });
    return body;
  }
}
