import type { FieldOfAction, OrganisationType, Role, TargetGroup } from '@treffpunkt/contracts';

export const DEMO_PASSWORD = 'demo-treffpunkt';

export interface DemoOrganisation {
  key: string;
  name: string;
  type: OrganisationType;
  city: string;
  postcode: string;
  address: string;
  description: string;
  website?: string;
  email?: string;
  phone?: string;
  fieldsOfAction: FieldOfAction[];
  targetGroups: TargetGroup[];
}

export interface DemoUser {
  email: string;
  displayName: string;
  handle: string;
  role: Role;
  organisation: string;
  languages: string[];
  expertise: string[];
  phone?: string;
  bio?: string;
  contact?: boolean;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    key: 'coordination',
    name: 'Netzwerkkoordination Integration durch Qualifizierung Sachsen-Anhalt',
    type: 'other',
    city: 'Magdeburg',
    postcode: '39104',
    address: 'Breiter Weg 10',
    description: 'Koordiniert das Netzwerk, seine Servicestellen und Partner.',
    email: 'koordination@treffpunkt.demo',
    fieldsOfAction: ['labour_market', 'integration', 'recognition'],
    targetGroups: ['migrants', 'companies'],
  },
  {
    key: 'sp-magdeburg',
    name: 'Servicestelle Anerkennung Magdeburg',
    type: 'service_point',
    city: 'Magdeburg',
    postcode: '39108',
    address: 'Olvenstedter Straße 5',
    description: 'Beratung zur Anerkennung ausländischer Berufsabschlüsse und zu Qualifizierung.',
    phone: '0391 123456',
    fieldsOfAction: ['recognition', 'counselling', 'education_training'],
    targetGroups: ['migrants', 'refugees', 'skilled_workers'],
  },
  {
    key: 'sp-halle',
    name: 'Servicestelle Faire Integration Halle',
    type: 'service_point',
    city: 'Halle (Saale)',
    postcode: '06108',
    address: 'Große Ulrichstraße 20',
    description: 'Beratung zu Rechten und Pflichten von Beschäftigten mit Migrationsgeschichte.',
    fieldsOfAction: ['labour_market', 'counselling'],
    targetGroups: ['migrants', 'refugees'],
  },
  {
    key: 'sp-dessau',
    name: 'Servicestelle Beratung Dessau-Roßlau',
    type: 'service_point',
    city: 'Dessau-Roßlau',
    postcode: '06844',
    address: 'Zerbster Straße 3',
    description: 'Erstberatung, Anerkennung und Weiterbildung.',
    fieldsOfAction: ['recognition', 'education_training'],
    targetGroups: ['migrants', 'women'],
  },
  {
    key: 'caritas',
    name: 'Caritas Migrationsdienst Halle',
    type: 'welfare',
    city: 'Halle (Saale)',
    postcode: '06110',
    address: 'Mauerstraße 12',
    description: 'Migrationsberatung für Erwachsene und Jugendmigrationsdienst.',
    fieldsOfAction: ['integration', 'counselling'],
    targetGroups: ['migrants', 'refugees', 'young_people'],
  },
  {
    key: 'migrant-org',
    name: 'Verband der Migrantenorganisationen Sachsen-Anhalt',
    type: 'migrant_org',
    city: 'Magdeburg',
    postcode: '39112',
    address: 'Halberstädter Straße 40',
    description: 'Dachverband von Vereinen, die von Migrantinnen und Migranten getragen werden.',
    fieldsOfAction: ['integration', 'language'],
    targetGroups: ['migrants', 'women'],
  },
  {
    key: 'business',
    name: 'Pflegedienst Elbaue GmbH',
    type: 'business',
    city: 'Schönebeck',
    postcode: '39218',
    address: 'Salzer Straße 8',
    description: 'Ambulanter Pflegedienst, beschäftigt internationale Pflegefachkräfte.',
    website: 'https://pflegedienst-elbaue.example',
    fieldsOfAction: ['health_care', 'labour_market'],
    targetGroups: ['skilled_workers'],
  },
  {
    key: 'school',
    name: 'Berufsbildende Schulen Magdeburg-Nord',
    type: 'education',
    city: 'Magdeburg',
    postcode: '39126',
    address: 'Lübecker Straße 60',
    description: 'Berufsschule mit Anpassungsqualifizierungen in der Pflege.',
    fieldsOfAction: ['education_training'],
    targetGroups: ['young_people', 'skilled_workers'],
  },
  {
    key: 'admin-office',
    name: 'Landesverwaltungsamt Sachsen-Anhalt, Referat Anerkennung',
    type: 'public_admin',
    city: 'Halle (Saale)',
    postcode: '06114',
    address: 'Ernst-Kamieth-Straße 2',
    description: 'Zuständige Stelle für die Anerkennung reglementierter Berufe.',
    fieldsOfAction: ['recognition'],
    targetGroups: ['skilled_workers', 'companies'],
  },
];

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@treffpunkt.demo',
    displayName: 'Sabine Hoffmann',
    handle: 'admin',
    role: 'admin',
    organisation: 'coordination',
    languages: ['Deutsch', 'Englisch'],
    expertise: ['Netzwerkverwaltung'],
  },
  {
    email: 'koordination@treffpunkt.demo',
    displayName: 'Thomas Becker',
    handle: 'koordination',
    role: 'coordinator',
    organisation: 'coordination',
    languages: ['Deutsch', 'Englisch', 'Russisch'],
    expertise: ['Netzwerktreffen', 'Projektsteuerung'],
    contact: true,
  },
  {
    email: 'beratung@treffpunkt.demo',
    displayName: 'Leyla Yılmaz',
    handle: 'beratung',
    role: 'advisor',
    organisation: 'sp-magdeburg',
    languages: ['Deutsch', 'Türkisch', 'Englisch'],
    expertise: ['Anerkennung Pflegeberufe', 'Anpassungsqualifizierung'],
    phone: '0391 123457',
    contact: true,
  },
  {
    email: 'partner@treffpunkt.demo',
    displayName: 'Markus Weber',
    handle: 'partner',
    role: 'partner',
    organisation: 'business',
    languages: ['Deutsch'],
    expertise: ['Personalgewinnung Pflege'],
    contact: true,
  },
  {
    email: 'farid.ahmadi@treffpunkt.demo',
    displayName: 'Farid Ahmadi',
    handle: 'farid.ahmadi',
    role: 'advisor',
    organisation: 'sp-halle',
    languages: ['Deutsch', 'Dari', 'Farsi', 'Englisch'],
    expertise: ['Arbeitsrecht', 'Anerkennung Pflegeberufe'],
    contact: true,
  },
  {
    email: 'katrin.schulz@treffpunkt.demo',
    displayName: 'Katrin Schulz',
    handle: 'katrin.schulz',
    role: 'advisor',
    organisation: 'sp-dessau',
    languages: ['Deutsch', 'Englisch', 'Französisch'],
    expertise: ['Anerkennung akademischer Abschlüsse'],
    contact: true,
  },
  {
    email: 'olga.ivanova@treffpunkt.demo',
    displayName: 'Olga Ivanova',
    handle: 'olga.ivanova',
    role: 'coordinator',
    organisation: 'sp-halle',
    languages: ['Deutsch', 'Russisch', 'Ukrainisch'],
    expertise: ['Workshops', 'Fachtagungen'],
  },
  {
    email: 'amina.hassan@treffpunkt.demo',
    displayName: 'Amina Hassan',
    handle: 'amina.hassan',
    role: 'partner',
    organisation: 'caritas',
    languages: ['Deutsch', 'Arabisch'],
    expertise: ['Migrationsberatung'],
    contact: true,
  },
  {
    email: 'jan.krueger@treffpunkt.demo',
    displayName: 'Jan Krüger',
    handle: 'jan.krueger',
    role: 'partner',
    organisation: 'school',
    languages: ['Deutsch', 'Englisch'],
    expertise: ['Anpassungsqualifizierung Pflege'],
    contact: true,
  },
  {
    email: 'petra.lange@treffpunkt.demo',
    displayName: 'Petra Lange',
    handle: 'petra.lange',
    role: 'partner',
    organisation: 'admin-office',
    languages: ['Deutsch'],
    expertise: ['Anerkennungsverfahren'],
    contact: true,
  },
  {
    email: 'nguyen.thi@treffpunkt.demo',
    displayName: 'Nguyen Thi Mai',
    handle: 'nguyen.thi',
    role: 'partner',
    organisation: 'migrant-org',
    languages: ['Deutsch', 'Vietnamesisch'],
    expertise: ['Community-Arbeit'],
    contact: true,
  },
];

export interface DemoSpace {
  slug: string;
  name: string;
  description: string;
  visibility: 'network' | 'staff' | 'private';
  createdBy: string;
  members?: Array<{ user?: string; organisation?: string; role: 'member' | 'moderator' }>;
  threads: Array<{
    author: string;
    title: string;
    kind?: 'discussion' | 'case' | 'announcement';
    body: string;
    pinned?: boolean;
    replies?: Array<{ author: string; body: string }>;
  }>;
}

export const DEMO_SPACES: DemoSpace[] = [
  {
    slug: 'netzwerk',
    name: 'Netzwerk-Forum',
    description: 'Austausch im ganzen Netzwerk: Fragen, Hinweise, Veranstaltungen.',
    visibility: 'network',
    createdBy: 'koordination@treffpunkt.demo',
    threads: [
      {
        author: 'koordination@treffpunkt.demo',
        kind: 'announcement',
        pinned: true,
        title: 'Willkommen im Treffpunkt',
        body: 'Liebe Kolleginnen und Kollegen, liebe Partner,\n\nhier tauschen wir uns künftig aus. Fälle besprechen wir **nur pseudonymisiert** im Bereich *Fallberatung*.\n\nFragen gern an @koordination.',
      },
      {
        author: 'partner@treffpunkt.demo',
        title: 'Anpassungsqualifizierung Pflege: freie Plätze ab Februar',
        body: 'Wir haben ab Februar wieder Plätze für die Anpassungsqualifizierung in der Pflege. Wer hat Interessentinnen? @beratung',
        replies: [
          { author: 'beratung@treffpunkt.demo', body: 'Danke! Ich habe zwei Ratsuchende mit Defizitbescheid, ich melde mich diese Woche.' },
          { author: 'jan.krueger@treffpunkt.demo', body: 'Die Berufsschule kann den theoretischen Teil übernehmen — sprechen wir uns ab?' },
        ],
      },
    ],
  },
  {
    slug: 'fallberatung',
    name: 'Fallberatung',
    description: 'Kollegiale Fallberatung der Beratenden — nur pseudonymisiert.',
    visibility: 'staff',
    createdBy: 'koordination@treffpunkt.demo',
    threads: [
      {
        author: 'beratung@treffpunkt.demo',
        kind: 'case',
        title: 'Anerkennung Pflegefachkraft aus Drittstaat, Kenntnisprüfung oder Anpassungslehrgang?',
        body: 'Ratsuchende mit Pflegeausbildung (3 Jahre) aus einem Drittstaat, Defizitbescheid liegt vor. Sie überlegt zwischen Kenntnisprüfung und Anpassungslehrgang. Erfahrungen mit den Wartezeiten in Sachsen-Anhalt?',
        replies: [
          {
            author: 'farid.ahmadi@treffpunkt.demo',
            body: 'Die Kenntnisprüfung ging zuletzt schneller, der Lehrgang ist aber besser planbar, wenn sie nebenbei arbeitet.',
          },
        ],
      },
      {
        author: 'katrin.schulz@treffpunkt.demo',
        title: 'Checkliste Erstgespräch Anerkennung',
        body: 'Ich habe unsere Checkliste fürs Erstgespräch überarbeitet:\n\n1. Abschluss und Dauer der Ausbildung\n2. Berufserfahrung\n3. Sprachniveau\n4. Referenzberuf in Deutschland',
      },
    ],
  },
  {
    slug: 'ag-pflege',
    name: 'AG Pflegeanerkennung',
    description: 'Arbeitsgruppe mit Partnern aus Pflege und Berufsbildung.',
    visibility: 'private',
    createdBy: 'koordination@treffpunkt.demo',
    members: [
      { user: 'beratung@treffpunkt.demo', role: 'member' },
      { user: 'farid.ahmadi@treffpunkt.demo', role: 'member' },
      { organisation: 'business', role: 'member' },
      { organisation: 'school', role: 'member' },
    ],
    threads: [
      {
        author: 'koordination@treffpunkt.demo',
        title: 'Nächstes Treffen der AG',
        body: 'Vorschlag: wir treffen uns im Januar bei der Berufsschule. Themen: Praxiseinsätze, Sprachförderung.',
        replies: [{ author: 'partner@treffpunkt.demo', body: 'Passt uns gut, wir bringen die Praxisanleitung mit.' }],
      },
    ],
  },
];
