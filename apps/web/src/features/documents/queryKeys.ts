/** TanStack Query keys of the documents area; prefixes allow invalidating whole groups. */
export const documentKeys = {
  all: ['documents'] as const,
  space: (spaceId: string) => ['documents', 'space', spaceId] as const,
  folders: (spaceId: string) => ['documents', 'space', spaceId, 'folders'] as const,
  trash: (spaceId: string) => ['documents', 'space', spaceId, 'trash'] as const,
  folder: (folderId: string) => ['documents', 'folder', folderId] as const,
  folderDocuments: (folderId: string) => ['documents', 'folder', folderId, 'documents'] as const,
  document: (id: string) => ['documents', 'document', id] as const,
  search: (spaceId: string, q: string) => ['documents', 'search', spaceId, q] as const,
};
