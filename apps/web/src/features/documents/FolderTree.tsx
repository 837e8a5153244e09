import type { FolderDto } from '@treffpunkt/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NavLink, useParams } from 'react-router-dom';
import { useT } from '../../i18n';
import { folderPath, useSpaceDocuments } from './DocumentsSpaceLayout';
import { documentsApi } from './documentsApi';
import { DocumentPaths } from './paths';
import { documentKeys } from './queryKeys';

/** Children per parent id ('' = top level), in the API's order. */
export function childrenByParent(folders: FolderDto[]): Map<string, FolderDto[]> {
  const map = new Map<string, FolderDto[]>();
  for (const folder of folders) {
    const key = folder.parentId ?? '';
    const list = map.get(key) ?? [];
    list.push(folder);
    map.set(key, list);
  }
  return map;
}

/**
 * The space's folders as nested lists of links. A folder with subfolders has a disclosure
 * button (aria-expanded); the way to the open folder is expanded by itself.
 */
export function FolderTree() {
  const t = useT();
  const { space, folders } = useSpaceDocuments();
  const { folderId = null, documentId = null } = useParams();
  const [toggled, setToggled] = useState<Record<string, boolean>>({});

  const children = useMemo(() => childrenByParent(folders), [folders]);
  // The open folder, or the folder of the open document (read from the document page's query).
  const openDocument = useQuery({
    queryKey: documentKeys.document(documentId ?? ''),
    queryFn: ({ signal }) => documentsApi.document(documentId ?? '', signal),
    enabled: false,
  });
  const currentFolderId = folderId ?? (documentId ? (openDocument.data?.folderId ?? null) : null);
  const onPath = useMemo(() => new Set(folderPath(folders, currentFolderId).map((folder) => folder.id)), [folders, currentFolderId]);

  const isOpen = (id: string): boolean => toggled[id] ?? onPath.has(id);

  function renderLevel(parentId: string) {
    const items = children.get(parentId) ?? [];
    if (items.length === 0) return null;
    return (
      <ul>
        {items.map((folder) => {
          const hasChildren = (children.get(folder.id)?.length ?? 0) > 0;
          const open = hasChildren && isOpen(folder.id);
          return (
            <li key={folder.id}>
              <span className="folder-tree__row">
                {hasChildren ? (
                  <button
                    type="button"
                    className="folder-tree__toggle"
                    aria-expanded={open}
                    aria-label={t.documents.subfolders(folder.name)}
                    onClick={() => {
                      setToggled((current) => ({ ...current, [folder.id]: !open }));
                    }}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                  </button>
                ) : (
                  <span className="folder-tree__spacer" aria-hidden="true" />
                )}
                <NavLink to={DocumentPaths.folder(space.id, folder.id)} end>
                  {folder.name}
                </NavLink>
              </span>
              {open ? renderLevel(folder.id) : null}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <nav aria-label={t.documents.treeLabel} className="folder-tree">
      <ul>
        <li>
          <span className="folder-tree__row">
            <span className="folder-tree__spacer" aria-hidden="true" />
            <NavLink to={DocumentPaths.space(space.id)} end>
              {space.name}
            </NavLink>
          </span>
          {renderLevel('')}
        </li>
      </ul>
    </nav>
  );
}
