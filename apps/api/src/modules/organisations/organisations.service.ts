import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  ORGANISATION_PROFILE_MEMBERS_MAX,
  type CreateOrganisationRequest,
  type OrganisationListItemDto,
  type OrganisationListQuery,
  type OrganisationProfileDto,
  type Page,
  type UpdateOrganisationRequest,
} from '@treffpunkt/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainError, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { foldSearchText, searchTerms } from '../../common/text/search-text.js';
import { inTransaction } from '../../database/transaction.js';
import { AccessService } from '../access/access.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Organisation } from './entities/organisation.entity.js';
import { toOrganisationListItem, toOrganisationProfile } from './organisations.mapper.js';
import { OrganisationsRepository, type OrganisationFilter } from './organisations.repository.js';

interface Actor {
  user: AuthUser;
  ip: string;
}

/** The directory of organisations and their administration (admins; coordinators for partner organisations). */
@Injectable()
export class OrganisationsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository,
    @Inject(AccessService) private readonly access: AccessService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: OrganisationListQuery): Promise<Page<OrganisationListItemDto>> {
    const limit = query.limit ?? 50;
    const filter: OrganisationFilter = {
      terms: searchTerms(query.q),
      type: query.type,
      city: query.city ? foldSearchText(query.city) : undefined,
      field: query.field,
      targetGroup: query.targetGroup,
      archived: !query.includeArchived
        ? 'none'
        : this.access.mayManageOrganisation(user, 'service_point')
          ? 'all'
          : this.access.mayManageOrganisation(user, 'business')
            ? 'partners'
            : 'none',
    };
    const rows = await this.organisations.page({ limit, filter, cursor: decodeCursor(query.cursor, ['name', 'id'] as const) });
    return toPage(rows, limit, toOrganisationListItem, (o) => ({ name: o.name, id: o.id }));
  }

  /** Everyone signed in sees every organisation's profile; its spaces only as far as they can see them. */
  async get(user: AuthUser, id: string): Promise<OrganisationProfileDto> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw notFound('Organisation');
    const [contacts, contactPersonIds, members, spaceIds] = await Promise.all([
      this.organisations.contactPersons(id),
      this.organisations.contactPersonIds(id),
      this.organisations.activeMembers(id, ORGANISATION_PROFILE_MEMBERS_MAX),
      this.organisations.memberSpaceIds(id),
    ]);
    const visible = await this.access.spaces(user, spaceIds);
    const spaces = await this.organisations.spaces([...visible.keys()]);
    return toOrganisationProfile(organisation, {
      contacts,
      contactPersonIds,
      members: members.members,
      memberCount: members.count,
      spaces,
      canManage: this.access.mayManageOrganisation(user, organisation.type),
    });
  }

  async create(actor: Actor, request: CreateOrganisationRequest): Promise<OrganisationProfileDto> {
    this.access.requireOrganisationManagement(actor.user, request.type);
    if (request.contactPersonIds && request.contactPersonIds.length > 0) {
      throw contactsInvalid('a new organisation has no members yet; add contact persons once people belong to it');
    }
    const id = await inTransaction(this.dataSource, async (manager) => {
      const { contactPersonIds: _none, ...fields } = request;
      const created = await this.organisations.insert(
        { ...fields, fieldsOfAction: fields.fieldsOfAction ?? [], targetGroups: fields.targetGroups ?? [] },
        manager,
      );
      await this.record(actor, 'organisation.create', created, { name: request.name, type: request.type }, manager);
      return created;
    });
    return this.get(actor.user, id);
  }

  async update(actor: Actor, id: string, request: UpdateOrganisationRequest): Promise<OrganisationProfileDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const organisation = await this.organisations.findByIdForUpdate(id, manager);
      if (!organisation) throw notFound('Organisation');
      // both the current and the new type must be the caller's to manage
      this.access.requireOrganisationManagement(actor.user, organisation.type, request.type ?? organisation.type);
      const { contactPersonIds, ...fields } = request;
      const changes: Partial<Organisation> = { ...fields };
      if (fields.fieldsOfAction === null) changes.fieldsOfAction = [];
      if (fields.targetGroups === null) changes.targetGroups = [];
      if (Object.keys(changes).length > 0) await this.organisations.update(id, changes, manager);
      if (contactPersonIds) {
        const members = await this.organisations.activeMemberIds(id, contactPersonIds, manager);
        const outsiders = contactPersonIds.filter((userId) => !members.has(userId));
        if (outsiders.length > 0) throw contactsInvalid(`not active members of this organisation: ${outsiders.join(', ')}`);
        await this.organisations.replaceContacts(id, contactPersonIds, manager);
      }
      await this.record(actor, 'organisation.update', id, { fields: Object.keys(request) }, manager);
    });
    return this.get(actor.user, id);
  }

  async setArchived(actor: Actor, id: string, archived: boolean): Promise<OrganisationProfileDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const organisation = await this.organisations.findByIdForUpdate(id, manager);
      if (!organisation) throw notFound('Organisation');
      this.access.requireOrganisationManagement(actor.user, organisation.type);
      // repeating it changes nothing and records nothing
      if ((organisation.archivedAt !== null) === archived) return;
      await this.organisations.update(id, { archivedAt: archived ? new Date() : null }, manager);
      await this.record(actor, archived ? 'organisation.archive' : 'organisation.unarchive', id, {}, manager);
    });
    return this.get(actor.user, id);
  }

  private record(
    actor: Actor,
    action: 'organisation.create' | 'organisation.update' | 'organisation.archive' | 'organisation.unarchive',
    organisationId: string,
    details: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      { actorId: actor.user.id, action, entityType: 'organisation', entityId: organisationId, ip: actor.ip, details },
      manager,
    );
  }
}

const contactsInvalid = (message: string): DomainError =>
  new DomainError(400, ErrorCode.ValidationFailed, `contactPersonIds: ${message}`, {}, [`contactPersonIds: ${message}`]);
