import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiProduces, ApiTags } from '../../common/openapi/decorators.js';
import type { FastifyReply } from 'fastify';
import type { AttendeeListDto, MeetingDto, MeetingListDto, RsvpResponse } from '@treffpunkt/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ClientIp, CurrentUser } from '../../common/auth/decorators.js';
import { IdempotencyKeyHeader } from '../../common/http/idempotency-key.decorator.js';
import { CalendarService } from './calendar.service.js';
import { CancelMeetingDto, CreateMeetingDto, MeetingListQueryDto, RsvpDto, UpdateMeetingDto } from './dto/meeting.dto.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: MeetingListQueryDto): Promise<MeetingListDto> {
    return this.meetings.list(user, query);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  create(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Body() body: CreateMeetingDto,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<MeetingDto> {
    return this.meetings.create({ user, ip }, body, key);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MeetingDto> {
    return this.meetings.get(user, id);
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.update({ user, ip }, id, body);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentUser() user: AuthUser,
    @ClientIp() ip: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.cancel({ user, ip }, id, body);
  }

  @Put(':id/rsvp')
  rsvp(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: RsvpDto): Promise<RsvpResponse> {
    return this.meetings.rsvp(user, id, body.status);
  }

  @Get(':id/attendees')
  attendees(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AttendeeListDto> {
    return this.meetings.attendees(user, id);
  }

  @Get(':id/ics')
  @ApiProduces('text/calendar')
  async ics(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body = await this.calendar.meetingIcs(user, id);
    // set only on success: errors keep their JSON body
    void reply.headers({
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="termin-${id}.ics"`,
      'cache-control': 'private, no-store',
    });
    return body;
  }
}
