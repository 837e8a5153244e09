import {
  Routes,
  type ConsultationDto,
  type ConsultationOptionsDto,
  type ConsultationStatsDto,
  type CreateConsultationRequest,
  type Page,
} from '@treffpunkt/contracts';
import { api } from '../../api/client';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface StatsParams {
  from: string;
  to: string;
  groupBy: string;
  servicePointId?: string | undefined;
}

/** The consultation statistics API. */
export const statisticsApi = {
  options: (signal?: AbortSignal): Promise<ConsultationOptionsDto> =>
    api.get<ConsultationOptionsDto>(Routes.consultations.options, withSignal(signal)),
  create: (body: CreateConsultationRequest, idempotencyKey: string): Promise<ConsultationDto> =>
    api.post<ConsultationDto>(Routes.consultations.list, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  list: (signal?: AbortSignal): Promise<Page<ConsultationDto>> =>
    api.get<Page<ConsultationDto>>(`${Routes.consultations.list}?limit=20`, withSignal(signal)),
  remove: (id: string): Promise<void> => api.delete<undefined>(Routes.consultations.one(id)),
  stats: (params: StatsParams, signal?: AbortSignal): Promise<ConsultationStatsDto> => {
    const query = new URLSearchParams({ from: params.from, to: params.to, groupBy: params.groupBy });
    if (params.servicePointId) query.set('servicePointId', params.servicePointId);
    return api.get<ConsultationStatsDto>(`${Routes.consultations.stats}?${query.toString()}`, withSignal(signal));
  },
};

export const statisticsKeys = {
  all: ['statistics'] as const,
  options: () => ['statistics', 'options'] as const,
  entries: () => ['statistics', 'entries'] as const,
  stats: (params: StatsParams) => ['statistics', 'stats', params] as const,
};
