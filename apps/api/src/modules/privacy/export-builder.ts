import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DATA_EXPORT_RETENTION_DAYS } from '@treffpunkt/contracts';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { BlobStore } from '../documents/blob-store.js';
import { displayName } from '../documents/file-names.js';
import { EXPORT_SECTIONS } from './export-sections.js';
import { PrivacyRepository, type SnapshotReader } from './privacy.repository.js';
import { writeZipAtomically, type ZipEntry } from './zip-writer.js';

export const EXPORT_FORMAT = 'treffpunkt-data-export/1';

/** Content types that are compressed already: storing them saves CPU and gains nothing. */
const STORED_AS_IS = /^(image\/(?!svg)|video\/|audio\/|application\/(zip|gzip|x-7z|x-rar|pdf|vnd\.openxmlformats|vnd\.oasis))/;

interface ArchivedFile {
  path: string;
  sourcePath: string;
  size: number;
  compress: boolean;
}

const README = `Ihre Daten aus Treffpunkt
=========================

Dieses Archiv enthält die Daten, die Treffpunkt zum Zeitpunkt der Erstellung über Sie gespeichert hat
(Auskunft nach Art. 15 DSGVO, Datenübertragbarkeit nach Art. 20 DSGVO).

data.json
  Alle Angaben in einem maschinenlesbaren Format (JSON, UTF-8). Zeitangaben sind in UTC (ISO 8601).
  - profile: Ihr Profil (Name, E-Mail-Adresse, Kürzel, Rolle, Sprachen, Fachgebiete, Telefon, Über mich)
  - organisation, organisationContactFor: Ihre Organisation und wo Sie als Ansprechperson eingetragen sind
  - sessions, passwordResetRequests: Ihre Anmeldesitzungen (erstellt, zuletzt verwendet) und
    Anfragen zum Zurücksetzen des Passworts – ohne Schlüssel oder Prüfsummen
  - invitationAccepted, invitationsSent: Ihre Einladung und die Einladungen, die Sie verschickt haben
    (ohne die E-Mail-Adressen der eingeladenen Personen)
  - threadsStarted, posts, postRevisionsWritten, postsDeletedByYou, mentionsOfYou, drafts: Ihre
    Themen, Ihre Beiträge mit allen früheren Fassungen (Markdown), Erwähnungen und Entwürfe
  - spaceMemberships, spaceSubscriptions, threadSubscriptions, readMarkers: Bereiche, Abonnements und
    Lesestände
  - documents, foldersCreatedOrDeleted: Dokumente und Ordner, die Sie angelegt, gelöscht oder von
    denen Sie Fassungen hochgeladen haben
  - consultations: die Beratungen, die Sie erfasst haben
  - meetingsCreated, rsvps, calendarFeed: Termine, Ihre Zu- und Absagen und ob Sie einen
    Kalender-Feed eingerichtet haben (die geheime Adresse selbst ist nicht enthalten)
  - notifications, notificationPreferences, notificationDigest, emailsToYou: Benachrichtigungen,
    Ihre Einstellungen und die E-Mails, die an Sie gingen (nur Betreff und Zeitpunkt)
  - auditEntries: die Einträge im Protokoll, die Sie ausgelöst haben oder die Ihr Konto betreffen
  - dataExports: Ihre bisherigen Datenexporte

files/
  Die Dateien aller Dokumentfassungen, die Sie hochgeladen haben, abgelegt als
  files/<Kennung des Dokuments>/<Fassung>-<Dateiname>. In data.json steht bei jeder Fassung
  unter "file", wo ihre Datei im Archiv liegt.

Das Archiv wird ${DATA_EXPORT_RETENTION_DAYS} Tage nach der Erstellung automatisch gelöscht.
Bei Fragen zu Ihren Daten wenden Sie sich bitte an die Administration Ihres Netzwerks.
`;

/** A name that is safe as one path segment inside a ZIP on every operating system. */
export function archiveFileName(name: string): string {
  return displayName(name)
    .replace(/[<>:"|?*]/g, '_')
    .replace(/[. ]+$/, '_');
}

/** Writes strings to a file, respecting backpressure, so data.json is never held in memory whole. */
class TextSink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(path: string) {
    this.stream = createWriteStream(path, { flags: 'wx', mode: 0o600, highWaterMark: 256 * 1024 });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve, reject) => {
        this.stream.once('drain', resolve);
        this.stream.once('error', reject);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  destroy(): void {
    this.stream.destroy();
  }
}

/**
 * Builds the archive of one person's data: data.json (read in one consistent snapshot, large
 * sections through a cursor), README.txt and the bytes of every document version they uploaded.
 * Writes under DATA_DIR/exports/tmp and renames into DATA_DIR/exports/<id>.zip when complete.
 */
@Injectable()
export class DataExportBuilder {
  readonly exportsDir: string;
  readonly tempDir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PrivacyRepository) private readonly repository: PrivacyRepository,
    @Inject(BlobStore) private readonly store: BlobStore,
  ) {
    this.exportsDir = join(config.dataDir, 'exports');
    this.tempDir = join(this.exportsDir, 'tmp');
  }

  pathOf(exportId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(exportId)) throw new Error('not an export id');
    return join(this.exportsDir, `${exportId}.zip`);
  }

  /** Resolves to the archive's size in bytes. */
  async build(exportId: string, userId: string): Promise<number> {
    await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    const jsonPath = join(this.tempDir, `${exportId}.data.json.part`);
    const zipTemp = join(this.tempDir, `${exportId}.zip.part`);
    await rm(jsonPath, { force: true });
    await rm(zipTemp, { force: true });
    try {
      const files = await this.writeDataJson(jsonPath, userId);
      const { size: jsonSize } = await stat(jsonPath);
      const entries: ZipEntry[] = [
        { path: 'README.txt', data: Buffer.from(README.replace(/\n/g, '\r\n'), 'utf8') },
        { path: 'data.json', sourcePath: jsonPath, size: jsonSize },
        ...files,
      ];
      return await writeZipAtomically(zipTemp, this.pathOf(exportId), entries);
    } finally {
      await rm(jsonPath, { force: true });
    }
  }

  private async writeDataJson(path: string, userId: string): Promise<ArchivedFile[]> {
    const sink = new TextSink(path);
    const files: ArchivedFile[] = [];
    try {
      await this.repository.readSnapshot(async (reader) => {
        await sink.write(`{\n  "format": ${JSON.stringify(EXPORT_FORMAT)},\n  "generatedAt": ${JSON.stringify(new Date().toISOString())}`);
        for (const section of EXPORT_SECTIONS) {
          await sink.write(`,\n  ${JSON.stringify(section.key)}: `);
          if (section.kind === 'one') {
            await sink.write(JSON.stringify(await reader.one(section.sql, [userId])));
            continue;
          }
          await this.writeMany(sink, reader, section.sql, userId, section.withFiles ? files : null);
        }
        await sink.write('\n}\n');
      });
      await sink.close();
    } catch (error) {
      sink.destroy();
      throw error;
    }
    return files;
  }

  private async writeMany(
    sink: TextSink,
    reader: SnapshotReader,
    sql: string,
    userId: string,
    files: ArchivedFile[] | null,
  ): Promise<void> {
    let first = true;
    await sink.write('[');
    await reader.each(sql, [userId], async (row) => {
      if (files) await this.attachFiles(row, files);
      await sink.write(`${first ? '' : ','}\n    ${JSON.stringify(row)}`);
      first = false;
    });
    await sink.write(first ? ']' : '\n  ]');
  }

  /** Gives each version of a document row its place in the archive (or null when its bytes are gone). */
  private async attachFiles(row: Record<string, unknown>, files: ArchivedFile[]): Promise<void> {
    const documentId = String(row.id);
    const versions = Array.isArray(row.versions) ? (row.versions as Array<Record<string, unknown>>) : [];
    for (const version of versions) {
      const sha256 = String(version.sha256);
      const sourcePath = this.store.pathOf(sha256);
      const size = Number(version.size);
      const present = await stat(sourcePath).then(
        (s) => s.isFile() && s.size === size,
        () => false,
      );
      if (!present) {
        version.file = null;
        continue;
      }
      const path = `files/${documentId}/${String(version.version)}-${archiveFileName(String(version.name))}`;
      version.file = path;
      files.push({ path, sourcePath, size, compress: !STORED_AS_IS.test(String(version.contentType)) });
    }
  }
}
