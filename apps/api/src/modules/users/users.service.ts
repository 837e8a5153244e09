import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type AdminUpdateUserRequest,
  type Page,
  type UpdateMeRequest,
  type UserDto,
  type UserListItemDto,
  type UserListQuery,
  hasPermission,
} from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { foldSearchText, searchTerms } from '../../common/text/search-text.js';
import { inTransaction } from '../../database/transaction.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { AuditService } from '../audit/audit.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserAuthStateCache } from './user-auth-state.cache.js';
import { toUserDto, toUserListItem } from './users.mapper.js';
import { UsersRepository, type UserFilter } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UserAuthStateCache) private readonly authStates: UserAuthStateCache,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async getProfile(userId: string): Promise<UserDto> {
    const user = await this.users.findWithOrganisation(userId);
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  /** The people directory: active people for everyone; admins may list other statuses (`status=`). */
  async list(actor: AuthUser, query: UserListQuery): Promise<Page<UserListItemDto>> {
    const status = query.status ?? 'active';
    if (status !== 'active' && !hasPermission(actor.role, 'users.manage')) throw forbidden('Only admins list people who are not active');
    const limit = query.limit ?? 50;
    const filter: UserFilter = {
      terms: searchTerms(query.q),
      statuses: status === 'all' ? 'all' : [status],
      organisationId: query.organisationId,
      role: query.role,
      language: query.language || undefined,
      expertise: query.expertise ? foldSearchText(query.expertise) : undefined,
    };
    const rows = await this.users.page({ limit, filter, cursor: decodeCursor(query.cursor, ['name', 'id'] as const) });
    return toPage(rows, limit, toUserListItem, (u) => ({ name: u.displayName, id: u.id }));
  }

  /** A person's directory profile with contact details; only active people, except for admins. */
  async getDirectoryProfile(actor: AuthUser, userId: string): Promise<UserDto> {
    const user = await this.users.findWithOrganisation(userId);
    if (!user || (user.status !== 'active' && !hasPermission(actor.role, 'users.manage'))) throw notFound('User');
    return toUserDto(user);
  }

  async updateMe(actor: AuthUser, changes: UpdateMeRequest, ip: string): Promise<UserDto> {
    await inTransaction(this.dataSource, async (manager) => {
      if (changes.handle !== undefined && (await this.users.handleExists(changes.handle, actor.id, manager))) {
        throw new DomainError(409, ErrorCode.HandleTaken, 'This handle is already taken');
      }
      await this.users.update(actor.id, changes, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.update_profile',
          entityType: 'user',
          entityId: actor.id,
          ip,
          details: { fields: Object.keys(changes) },
        },
        manager,
      );
    });
    return this.getProfile(actor.id);
  }

  /** Admin: role, organisation, disable/enable. Disabling revokes every session at once. */
  async adminUpdate(actor: AuthUser, userId: string, changes: AdminUpdateUserRequest, ip: string): Promise<UserDto> {
    if (userId === actor.id && (changes.status === 'disabled' || (changes.role && changes.role !== 'admin'))) {
      throw forbidden('You cannot disable yourself or give up your own admin role');
    }
    const effect = await inTransaction(this.dataSource, async (manager) => {
      const user = await this.users.findWithOrganisation(userId, manager);
      if (!user) throw notFound('User');
      if (user.status === 'erased') {
        throw new DomainError(409, ErrorCode.Conflict, 'This person has been erased; the account cannot be changed');
      }
      if (changes.organisationId && !(await this.organisations.findById(changes.organisationId, manager))) throw notFound('Organisation');
      await this.users.update(userId, changes, manager);
      const base = { actorId: actor.id, entityType: 'user', entityId: userId, ip };
      if (changes.role && changes.role !== user.role) {
        await this.audit.record({ ...base, action: 'user.role_change', details: { from: user.role, to: changes.role } }, manager);
      }
      if (changes.organisationId && changes.organisationId !== user.organisationId) {
        await this.audit.record(
          { ...base, action: 'user.organisation_change', details: { from: user.organisationId, to: changes.organisationId } },
          manager,
        );
      }
      if (changes.status && changes.status !== user.status) {
        if (changes.status === 'disabled') {
          await this.users.bumpTokenVersion(userId, manager);
          await this.sessions.revokeAllForUser(userId, manager);
        }
        await this.audit.record({ ...base, action: changes.status === 'disabled' ? 'user.disable' : 'user.enable' }, manager);
      }
      return {
        revoked: changes.status === 'disabled' && user.status !== 'disabled',
        accessChanged:
          (changes.role !== undefined && changes.role !== user.role) ||
          (changes.organisationId !== undefined && changes.organisationId !== user.organisationId),
      };
    });
    // the cache first, so that a reconnecting socket is already refused
    await this.authStates.invalidate(userId);
    if (effect.revoked) await this.events.emitAndWait('user.sessions_revoked', { userId });
    else if (effect.accessChanged) await this.events.emitAndWait('user.access_changed', { userId });
    return this.getProfile(userId);
  }
}
