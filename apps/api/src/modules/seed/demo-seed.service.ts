import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../../database/transaction.js';
import { hashPassword } from '../auth/password-hasher.js';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ForumService } from '../forum/forum.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { SpacesRepository } from '../spaces/spaces.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { DemoConsultationsSeeder } from './demo-consultations.js';
import { DemoMeetingsSeeder } from './demo-meetings.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_SPACES, DEMO_USERS } from './demo-data.js';

/** The demo network. Idempotent: existing organisations and people (by name / e-mail) are left as they are. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SpacesRepository) private readonly spaces: SpacesRepository,
    @Inject(ForumService) private readonly forum: ForumService,
    @Inject(DemoConsultationsSeeder) private readonly consultations: DemoConsultationsSeeder,
    @Inject(DemoMeetingsSeeder) private readonly meetings: DemoMeetingsSeeder,
  ) {}

  /** Seeds only a database without any user (first start). */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.users.count()) > 0) return false;
    await this.seed();
    return true;
  }

  async seed(): Promise<void> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const ids = new Map<string, string>();
    await inTransaction(this.dataSource, async (manager) => {
      for (const { key, ...org } of DEMO_ORGANISATIONS) {
        const existing = await this.organisations.findByName(org.name, manager);
        ids.set(key, existing?.id ?? (await this.organisations.insert(org, manager)));
      }
      for (const { organisation, contact, ...person } of DEMO_USERS) {
        const organisationId = ids.get(organisation);
        if (!organisationId) throw new Error(`demo user ${person.email} names unknown organisation ${organisation}`);
        const existing = await this.users.findByEmail(person.email, manager);
        const userId = existing?.id ?? (await this.users.insert({ ...person, organisationId, passwordHash }, manager));
        if (contact) await this.organisations.addContact(organisationId, userId, manager);
      }
    });
    await this.seedSpaces(ids);
    const consultations = await this.consultations.seed(ids);
    const meetings = await this.meetings.seed();
    this.logger.log(
      `demo network ready: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_USERS.length} people, ${DEMO_SPACES.length} spaces, ${consultations} new consultations, ${meetings} new meetings`,
    );
  }

  /** Spaces of every visibility with a few threads; an existing space (by slug) is left alone. */
  private async seedSpaces(organisationIds: Map<string, string>): Promise<void> {
    const actor = async (email: string): Promise<AuthUser> => {
      const user = await this.users.findByEmail(email);
      if (!user) throw new Error(`demo space names unknown person ${email}`);
      return { id: user.id, role: user.role, organisationId: user.organisationId };
    };
    for (const space of DEMO_SPACES) {
      if (await this.spaces.slugExists(space.slug)) continue;
      const creator = await actor(space.createdBy);
      const spaceId = await this.spaces.insert(
        {
          name: space.name,
          slug: space.slug,
          description: space.description,
          visibility: space.visibility,
          caseRetentionMonths: 12,
          createdById: creator.id,
        },
        undefined,
      );
      await this.spaces.upsertMember(spaceId, { userId: creator.id }, 'moderator');
      for (const member of space.members ?? []) {
        const subject = member.user
          ? { userId: (await actor(member.user)).id }
          : { organisationId: organisationIds.get(member.organisation!)! };
        await this.spaces.upsertMember(spaceId, subject, member.role);
      }
      for (const thread of space.threads) {
        const author = await actor(thread.author);
        const created = await this.forum.createThread({ user: author, ip: '127.0.0.1' }, spaceId, {
          title: thread.title,
          body: thread.body,
          kind: thread.kind ?? 'discussion',
        });
        if (thread.pinned) await this.forum.updateThread({ user: creator, ip: '127.0.0.1' }, created.thread.id, { pinned: true });
        for (const reply of thread.replies ?? []) {
          await this.forum.createPost({ user: await actor(reply.author), ip: '127.0.0.1' }, created.thread.id, { body: reply.body });
        }
      }
    }
  }
}
