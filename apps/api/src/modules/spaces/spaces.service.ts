import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  hasPermission,
  type AddSpaceMemberRequest,
  type CreateSpaceRequest,
  type Page,
  type SpaceDto,
  type SpaceMemberDto,
  type SubscriptionLevel,
  type UpdateSpaceRequest,
  type UserSummary,
} from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error.js';
import { inTransaction } from '../../database/transaction.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { AccessService, type SpaceAccess } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { toUserSummary } from '../users/users.mapper.js';
import { UsersRepository } from '../users/users.repository.js';
import { slugFromName } from './slug.js';
import { toSpaceDto, toSpaceMemberDto } from './spaces.mapper.js';
import { SpacesRepository } from './spaces.repository.js';

@Injectable()
export class SpacesService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SpacesRepository) private readonly spaces: SpacesRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async list(user: AuthUser): Promise<Page<SpaceDto>> {
    const visible = await this.access.visibleSpaces(user);
    const rows = await this.spaces.listWithCounts(user.id, [...visible.keys()]);
    return { items: rows.map((row) => toSpaceDto(row, visible.get(row.id)!)), nextCursor: null };
  }

  async get(user: AuthUser, spaceId: string): Promise<SpaceDto> {
    const access = await this.access.requireSpace(user, spaceId);
    return this.dto(user, access);
  }

  async create(user: AuthUser, request: CreateSpaceRequest, ip: string): Promise<SpaceDto> {
    if (!hasPermission(user.role, 'spaces.manage')) throw forbidden('Only coordinators and admins create spaces');
    const id = await inTransaction(this.dataSource, async (manager) => {
      let slug = request.slug;
      if (slug) {
        if (await this.spaces.slugExists(slug, manager))
          throw new DomainError(409, ErrorCode.SlugTaken, 'This address is already used by another space');
      } else {
        const base = slugFromName(request.name);
        slug = base;
        for (let i = 2; await this.spaces.slugExists(slug, manager); i++) slug = `${base}-${i}`;
      }
      const spaceId = await this.spaces.insert(
        {
          name: request.name,
          slug,
          description: request.description,
          visibility: request.visibility,
          caseRetentionMonths: request.caseRetentionMonths ?? 12,
          createdById: user.id,
        },
        manager,
      );
      // the creator can always see and moderate what they created, also a private space
      await this.spaces.upsertMember(spaceId, { userId: user.id }, 'moderator', manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'space.create',
          entityType: 'space',
          entityId: spaceId,
          ip,
          details: { visibility: request.visibility },
        },
        manager,
      );
      return spaceId;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, spaceId: string, request: UpdateSpaceRequest, ip: string): Promise<SpaceDto> {
    const access = await this.access.requireSpace(user, spaceId);
    this.access.assert(access, 'manage', 'Only coordinators and admins manage spaces');
    const { archived, ...fields } = request;
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      if (request.visibility !== undefined || archived !== undefined)
        afterCommit(() => this.events.emitAndWait('space.access_changed', { spaceId }));
      await this.spaces.update(
        spaceId,
        { ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) },
        manager,
      );
      await this.audit.record(
        { actorId: user.id, action: 'space.update', entityType: 'space', entityId: spaceId, ip, details: { fields: Object.keys(request) } },
        manager,
      );
    });
    return this.get(user, spaceId);
  }

  async members(user: AuthUser, spaceId: string): Promise<Page<SpaceMemberDto>> {
    await this.access.requireSpace(user, spaceId);
    return { items: (await this.spaces.members(spaceId)).map(toSpaceMemberDto), nextCursor: null };
  }

  async addMember(user: AuthUser, spaceId: string, request: AddSpaceMemberRequest, ip: string): Promise<SpaceMemberDto> {
    const access = await this.access.requireSpace(user, spaceId);
    this.access.assert(access, 'manage', 'Only coordinators and admins manage members');
    if ((request.userId === undefined) === (request.organisationId === undefined)) {
      throw new DomainError(400, ErrorCode.ValidationFailed, 'Give exactly one of userId and organisationId');
    }
    const memberId = await inTransaction(this.dataSource, async (manager, afterCommit) => {
      if (request.userId !== undefined) {
        if (!(await this.users.findWithOrganisation(request.userId, manager))) throw notFound('User');
      } else if (!(await this.organisations.findById(request.organisationId!, manager))) {
        throw notFound('Organisation');
      }
      const subject = request.userId !== undefined ? { userId: request.userId } : { organisationId: request.organisationId! };
      const id = await this.spaces.upsertMember(spaceId, subject, request.role, manager);
      afterCommit(() =>
        this.events.emit('space.member_added', {
          spaceId,
          actorId: user.id,
          userId: request.userId ?? null,
          organisationId: request.organisationId ?? null,
        }),
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'space.member_add',
          entityType: 'space',
          entityId: spaceId,
          ip,
          details: { ...subject, role: request.role },
        },
        manager,
      );
      return id;
    });
    const member = await this.spaces.memberWithRelations(memberId);
    if (!member) throw notFound('Member');
    return toSpaceMemberDto(member);
  }

  async removeMember(user: AuthUser, spaceId: string, memberId: string, ip: string): Promise<void> {
    const access = await this.access.requireSpace(user, spaceId);
    this.access.assert(access, 'manage', 'Only coordinators and admins manage members');
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const member = await this.spaces.findMember(spaceId, memberId, manager);
      afterCommit(() => this.events.emitAndWait('space.access_changed', { spaceId }));
      if (!member) throw notFound('Member');
      await this.spaces.removeMember(memberId, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'space.member_remove',
          entityType: 'space',
          entityId: spaceId,
          ip,
          details: { userId: member.userId, organisationId: member.organisationId },
        },
        manager,
      );
    });
  }

  async setSubscription(user: AuthUser, spaceId: string, level: SubscriptionLevel): Promise<{ level: SubscriptionLevel }> {
    await this.access.requireSpace(user, spaceId);
    await this.spaces.setSubscription(user.id, spaceId, level);
    return { level };
  }

  /** People who can see the space, for @-mention autocomplete. */
  async mentionable(user: AuthUser, spaceId: string, q: string): Promise<UserSummary[]> {
    await this.access.requireSpace(user, spaceId);
    const candidates = await this.users.mentionCandidates(q.replace(/^@/, ''), 30);
    const visible = await this.access.usersWhoCanSee(
      spaceId,
      candidates.map((c) => c.id),
    );
    return candidates
      .filter((c) => visible.has(c.id))
      .slice(0, 10)
      .map(toUserSummary);
  }

  private async dto(user: AuthUser, access: SpaceAccess): Promise<SpaceDto> {
    const [row] = await this.spaces.listWithCounts(user.id, [access.spaceId]);
    if (!row) throw notFound('Space');
    return toSpaceDto(row, access);
  }
}
