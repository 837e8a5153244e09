import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationDto, OrganisationSummary, Page } from '@treffpunkt/contracts';
import { decodeCursor, toPage } from '../../common/http/cursor.js';
import { notFound } from '../../common/errors/domain-error.js';
import { toOrganisationDto, toOrganisationSummary } from './organisations.mapper.js';
import { OrganisationsRepository } from './organisations.repository.js';

@Injectable()
export class OrganisationsService {
  constructor(@Inject(OrganisationsRepository) private readonly organisations: OrganisationsRepository) {}

  async list(query: { cursor?: string; limit?: number }): Promise<Page<OrganisationSummary>> {
    const limit = query.limit ?? 50;
    const rows = await this.organisations.page({ limit, cursor: decodeCursor(query.cursor, ['name', 'id'] as const) });
    return toPage(rows, limit, toOrganisationSummary, (o) => ({ name: o.name, id: o.id }));
  }

  async get(id: string): Promise<OrganisationDto> {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw notFound('Organisation');
    return toOrganisationDto(organisation, await this.organisations.contactPersonIds(id));
  }
}
