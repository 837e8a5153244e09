import type { Locale } from '@treffpunkt/contracts';
import { useI18n } from '../../i18n';

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** "1,2 MB" (German) / "1.2 MB" (English); binary multiples, one decimal from KB on. */
export function formatSize(bytes: number, locale: Locale, byteLabel: (count: number) => string): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return byteLabel(Math.max(0, Math.round(bytes)));
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(value);
  return `${number} ${UNITS[unit] ?? 'TB'}`;
}

export function useFormatSize(): (bytes: number) => string {
  const { locale, t } = useI18n();
  return (bytes) => formatSize(bytes, locale, t.documents.bytes);
}

export type FileKind = 'pdf' | 'image' | 'text' | 'spreadsheet' | 'presentation' | 'archive' | 'audio' | 'video' | 'other';

/** A coarse kind of file from its (detected) content type, for the icon and its label. */
export function fileKind(contentType: string): FileKind {
  const type = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  if (/spreadsheet|excel|csv|opendocument\.spreadsheet/.test(type)) return 'spreadsheet';
  if (/presentation|powerpoint/.test(type)) return 'presentation';
  if (/zip|compressed|x-tar|gzip|x-7z|x-rar/.test(type)) return 'archive';
  if (type.startsWith('text/') || /word|opendocument\.text|rtf|msword/.test(type)) return 'text';
  return 'other';
}

/** PDFs and raster images are shown in the browser (the API honours `inline` for these only). */
export function canPreview(contentType: string): 'pdf' | 'image' | null {
  const type = contentType.toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (/^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(type)) return 'image';
  return null;
}

const ICON_TEXT: Record<FileKind, string> = {
  pdf: 'PDF',
  image: 'IMG',
  text: 'DOC',
  spreadsheet: 'XLS',
  presentation: 'PPT',
  archive: 'ZIP',
  audio: 'AUD',
  video: 'VID',
  other: 'DAT',
};

/** A small coloured type badge; screen readers hear the kind ("PDF-Dokument") instead. */
export function FileTypeIcon({ contentType }: { contentType: string }) {
  const { t } = useI18n();
  const kind = fileKind(contentType);
  return (
    <span className={`file-icon file-icon--${kind}`}>
      <span aria-hidden="true">{ICON_TEXT[kind]}</span>
      <span className="visually-hidden">{t.documents.kinds[kind]}</span>
    </span>
  );
}

export function FolderIcon() {
  const { t } = useI18n();
  return (
    <span className="file-icon file-icon--folder">
      <span className="visually-hidden">{t.documents.folderKind}</span>
    </span>
  );
}
