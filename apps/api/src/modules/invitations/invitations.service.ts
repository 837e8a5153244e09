import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  WebPaths,
  invitableRoles,
  type CreateInvitationRequest,
  type InvitationDto,
  type InvitationPreview,
  type Page,
  type Role,
} from '@treffpunkt/contracts';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error.js';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { inTransaction } from '../../database/transaction.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService, type AuthResult } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password-hasher.js';
import { MailService } from '../mail/mail.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { emailHash } from '../privacy/email-hash.js';
import { newSecretToken, sha256 } from '../sessions/sessions.service.js';
import { firstFreeHandle, handleFromName } from '../users/handle.js';
import { UsersRepository } from '../users/users.repository.js';
import { invitationStatus, toInvitationDto, toInvitationPreview } from './invitations.mapper.js';
import { InvitationsRepository } from './invitations.repository.js';

const INVITATION_TTL_MS = 7 * 86_400_000;
const ROLE_LABELS_DE = { admin: 'Administration', coordinator: 'Koordination', advisor: 'Beratung', partner: 'Partner' } as const;

function invitationMail(to: string, inviterName: string | undefined, organisationName: string, role: Role, link: string) {
  return {
    to,
    subject: 'Einladung zu Treffpunkt / Invitation to Treffpunkt',
    text: [
      'Guten Tag,',
      '',
      `${inviterName ?? 'Jemand'} lädt Sie zu Treffpunkt ein, dem Beratungsforum des Netzwerks — für ${organisationName} (${ROLE_LABELS_DE[role]}).`,
      'Mit diesem Link legen Sie Ihr Konto an (gültig 7 Tage, nur einmal verwendbar):',
      link,
      '',
      `You have been invited to Treffpunkt for ${organisationName}. The link above is valid for 7 days.`,
    ].join('\n'),
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(InvitationsRepository) private readonly invitations: InvitationsRepository,
    @Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(DomainEvents) private readonly events: DomainEvents,
  ) {}

  async create(actor: AuthUser, request: CreateInvitationRequest, ip: string): Promise<InvitationDto> {
    if (!invitableRoles(actor.role).includes(request.role)) {
      throw forbidden(`Your role cannot invite people as ${request.role}`);
    }
    const token = newSecretToken();
    const link = `${this.config.publicUrl}${WebPaths.invitation(token)}`;
    const id = await inTransaction(this.dataSource, async (manager) => {
      const organisation = await this.organisations.findById(request.organisationId, manager);
      if (!organisation || organisation.archivedAt) throw notFound('Organisation');
      if (await this.users.findByEmail(request.email, manager)) {
        throw new DomainError(409, ErrorCode.EmailTaken, 'A person with this e-mail address already has an account');
      }
      const inviter = await this.users.findWithOrganisation(actor.id, manager);
      await this.invitations.revokeOpenFor(request.email, manager);
      const invitationId = await this.invitations.insert(
        {
          tokenHash: sha256(token),
          email: request.email,
          role: request.role,
          organisationId: organisation.id,
          invitedById: actor.id,
          expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        },
        manager,
      );
      await this.mail.enqueue(invitationMail(request.email, inviter?.displayName, organisation.name, request.role, link), manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: invitationId,
          ip,
          details: { emailHash: emailHash(request.email, this.config.jwtSecret), role: request.role, organisationId: organisation.id },
        },
        manager,
      );
      return invitationId;
    });
    this.mail.kick();
    const created = await this.invitations.findWithRelations({ id });
    if (!created) throw notFound('Invitation');
    // Without a mail server the inviter hands the link over another way.
    return toInvitationDto(created, this.mail.deliversMail ? undefined : link);
  }

  async list(actor: AuthUser, query: { cursor?: string; limit?: number }): Promise<Page<InvitationDto>> {
    const limit = query.limit ?? 50;
    const rows = await this.invitations.page({
      limit,
      invitedById: actor.role === 'admin' ? undefined : actor.id,
      cursor: decodeCursor(query.cursor, ['createdAt', 'id'] as const),
    });
    return toPage(
      rows,
      limit,
      (i) => toInvitationDto(i),
      (i) => ({ createdAt: i.createdAt.toISOString(), id: i.id }),
    );
  }

  async revoke(actor: AuthUser, id: string, ip: string): Promise<void> {
    const invitation = await this.invitations.findWithRelations({ id });
    if (!invitation) throw notFound('Invitation');
    if (actor.role !== 'admin' && invitation.invitedById !== actor.id)
      throw forbidden('Only the inviter or an admin can revoke this invitation');
    await inTransaction(this.dataSource, async (manager) => {
      if (!(await this.invitations.revoke(id, manager))) {
        throw new DomainError(409, ErrorCode.Conflict, 'This invitation is no longer open');
      }
      await this.audit.record({ actorId: actor.id, action: 'invitation.revoke', entityType: 'invitation', entityId: id, ip }, manager);
    });
  }

  /**
   * Sends a fresh link for an open (or expired) invitation: a new token and a new expiry replace
   * the old ones, so the link sent before stops working. The inviter (within the roles they may
   * invite) or an admin.
   */
  async resend(actor: AuthUser, id: string, ip: string): Promise<InvitationDto> {
    const found = await this.invitations.findWithRelations({ id });
    if (!found) throw notFound('Invitation');
    if (actor.role !== 'admin' && (found.invitedById !== actor.id || !invitableRoles(actor.role).includes(found.role)))
      throw forbidden('Only the inviter or an admin can resend this invitation');
    const token = newSecretToken();
    const link = `${this.config.publicUrl}${WebPaths.invitation(token)}`;
    await inTransaction(this.dataSource, async (manager) => {
      const invitation = await this.invitations.findByIdForUpdate(id, manager);
      if (!invitation || invitation.acceptedAt || invitation.revokedAt) {
        throw new DomainError(409, ErrorCode.Conflict, 'This invitation has been accepted or revoked and cannot be sent again');
      }
      if (await this.users.findByEmail(invitation.email, manager)) {
        throw new DomainError(409, ErrorCode.EmailTaken, 'A person with this e-mail address already has an account');
      }
      await this.invitations.replaceToken(id, sha256(token), new Date(Date.now() + INVITATION_TTL_MS), manager);
      const sender = await this.users.findWithOrganisation(actor.id, manager);
      await this.mail.enqueue(
        invitationMail(invitation.email, sender?.displayName, found.organisation.name, invitation.role, link),
        manager,
      );
      await this.audit.record({ actorId: actor.id, action: 'invitation.resend', entityType: 'invitation', entityId: id, ip }, manager);
    });
    this.mail.kick();
    const updated = await this.invitations.findWithRelations({ id });
    if (!updated) throw notFound('Invitation');
    return toInvitationDto(updated, this.mail.deliversMail ? undefined : link);
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.invitations.findWithRelations({ tokenHash: sha256(token) });
    if (!invitation) throw this.invalid();
    this.assertOpen(invitation);
    return toInvitationPreview(invitation);
  }

  /** Creates the account and signs the person in. */
  async accept(token: string, displayName: string, password: string, ip: string): Promise<AuthResult> {
    const passwordHash = await hashPassword(password);
    return inTransaction(this.dataSource, async (manager, afterCommit) => {
      const invitation = await this.invitations.findByHashForUpdate(sha256(token), manager);
      if (!invitation) throw this.invalid();
      this.assertOpen(invitation);
      if (await this.users.findByEmail(invitation.email, manager)) {
        throw new DomainError(409, ErrorCode.EmailTaken, 'A person with this e-mail address already has an account');
      }
      const base = handleFromName(displayName);
      const handle = firstFreeHandle(base, await this.users.handlesLike(base, manager));
      const userId = await this.users.insert(
        {
          email: invitation.email,
          passwordHash,
          displayName,
          handle,
          role: invitation.role,
          organisationId: invitation.organisationId,
          lastLoginAt: new Date(),
        },
        manager,
      );
      await this.invitations.markAccepted(invitation.id, userId, manager);
      afterCommit(() =>
        this.events.emit('invitation.accepted', { invitationId: invitation.id, inviterId: invitation.invitedById, userId }),
      );
      await this.audit.record(
        {
          actorId: userId,
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: invitation.id,
          ip,
          details: { invitedBy: invitation.invitedById },
        },
        manager,
      );
      return this.auth.startSession(userId, undefined, manager);
    });
  }

  private invalid(): DomainError {
    return new DomainError(404, ErrorCode.InvitationInvalid, 'This invitation link is not valid');
  }

  private assertOpen(invitation: Parameters<typeof invitationStatus>[0]): void {
    const status = invitationStatus(invitation);
    if (status === 'accepted')
      throw new DomainError(410, ErrorCode.InvitationUsed, 'This invitation has already been used. Please sign in.');
    if (status === 'expired')
      throw new DomainError(410, ErrorCode.InvitationExpired, 'This invitation has expired. Please ask for a new one.');
    if (status === 'revoked') throw this.invalid();
  }
}
