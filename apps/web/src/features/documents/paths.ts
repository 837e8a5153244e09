import { WebPaths } from '@treffpunkt/contracts';

/** SPA routes of the documents area (route patterns and link builders). */
export const DocumentPaths = {
  home: '/dokumente',
  space: (spaceId: string) => `/dokumente/${encodeURIComponent(spaceId)}`,
  folder: (spaceId: string, folderId: string) => WebPaths.folder(encodeURIComponent(spaceId), encodeURIComponent(folderId)),
  document: (spaceId: string, documentId: string) => `/dokumente/${encodeURIComponent(spaceId)}/dokument/${encodeURIComponent(documentId)}`,
  trash: (spaceId: string) => `/dokumente/${encodeURIComponent(spaceId)}/papierkorb`,
} as const;
