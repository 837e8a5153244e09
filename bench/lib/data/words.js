/**
 * Word material for the large data set: German function words, everyday words of the counselling
 * domain and compound parts. Compounds (head × tail, e.g. "Anerkennungs" + "verfahren") give a
 * vocabulary of tens of thousands of words, so a Zipf distribution over it has common, medium and
 * rare search terms. Only letters: the generated text must need no Markdown escaping.
 */

const words = (text) => text.trim().split(/\s+/);

/** Frequent function words (mostly German stop words: they vanish from the search index). */
export const FUNCTION_WORDS = words(`
  der die das und in zu den mit von ist sich des nicht auf für im dem ein eine auch es an als
  werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war
  haben nur oder aber vor zur bis mehr durch man dann soll wenn ihre diese wir uns kann schon
  sehr unter gegen ob alle zwischen damit doch ich ihr weil hier wieder beim jetzt bitte gerne
  dazu also etwa bereits insbesondere allerdings deshalb trotzdem zunächst außerdem
`);

/** Short everyday words: the most frequent content words of ordinary text. */
export const SHORT_WORDS = words(`
  Zeit Jahr Frau Mann Kind Tag Woche Monat Fall Weg Ort Haus Geld Arbeit Stelle Kurs Amt Land
  Stadt Teil Ziel Plan Idee Liste Form Brief Mail Akte Frist Wort Satz Text Raum Team Kunde Job
  Beruf Firma Schule Lohn Recht Pflicht Grund Frage Stand Name Nummer Seite Punkt Sache Hilfe
  Rat Zweck Bild Buch Kreis Gruppe Runde Kosten Ende Anfang Start Mitte Regel Folge Art Weise
  gut neu alt groß klein lang kurz viel wenig schnell spät früh heute morgen gestern immer nie
  oft gern klar genau richtig falsch fertig frei voll leer leicht schwer sicher eigen ganz halb
  sagen machen geben kommen gehen sehen finden bleiben stehen liegen lassen nehmen bringen halten
  zeigen führen sprechen arbeiten suchen fragen warten helfen lernen schreiben lesen zahlen
  kennen denken glauben meinen wissen brauchen nutzen senden schicken rufen hoffen danken
  Antrag Termin Kontakt Angebot Problem Thema Projekt Treffen Ergebnis Bericht Hinweis
`);

/** Verbs, adjectives and adverbs that are not stop words. */
export const PLAIN_WORDS = words(`
  beraten prüfen klären vereinbaren unterstützen vermitteln beantragen anerkennen nachreichen
  einreichen übersetzen beglaubigen erklären informieren empfehlen vorbereiten begleiten
  weiterleiten abstimmen besprechen nachfragen erhalten benötigen bestätigen ergänzen
  anpassen teilnehmen organisieren dokumentieren auswerten planen melden zusagen absagen
  wichtig dringend schwierig einfach zuständig vollständig aktuell neu regional bundesweit
  gleichwertig teilweise befristet unbefristet kostenlos verbindlich persönlich digital
  ausländisch beruflich sprachlich rechtlich schriftlich mündlich zeitnah erfolgreich offen
  hilfreich praktisch fachlich möglich notwendig ausreichend erforderlich zusätzlich
  gemeinsam kurzfristig langfristig monatlich wöchentlich jährlich vorläufig endgültig
  freundlich herzlich vielen dank gruß beste grüße liebe kolleginnen kollegen
`);

/** Nouns of the domain that stand alone. */
export const NOUNS = words(`
  Anerkennung Beratung Arbeitgeber Arbeitnehmerin Arbeitnehmer Betrieb Unternehmen Antrag
  Bescheid Nachweis Zeugnis Diplom Abschluss Ausbildung Studium Qualifizierung Weiterbildung
  Sprachkurs Integrationskurs Aufenthalt Aufenthaltstitel Ausländerbehörde Jobcenter Agentur
  Kammer Handwerkskammer Landesamt Behörde Gesetz Verordnung Richtlinie Frist Termin Gespräch
  Rückmeldung Unterlagen Übersetzung Beglaubigung Gebühr Kosten Förderung Zuschuss Stipendium
  Pflege Pflegekraft Krankenhaus Praxis Ärztin Arzt Ingenieurin Ingenieur Lehrerin Lehrer
  Erzieherin Erzieher Elektriker Mechatroniker Handwerk Baustelle Lager Logistik Verwaltung
  Netzwerk Servicestelle Partner Kooperation Projekt Workshop Tagung Fachtag Schulung Vortrag
  Protokoll Einladung Tagesordnung Präsentation Bericht Statistik Auswertung Leitfaden Vorlage
  Formular Checkliste Merkblatt Broschüre Webseite Plattform Postfach Telefon Videokonferenz
  Mutterschutz Elternzeit Kündigung Arbeitsvertrag Lohn Mindestlohn Urlaub Probezeit Teilzeit
  Vollzeit Minijob Schichtdienst Überstunden Arbeitszeit Arbeitsschutz Krankmeldung Zeugnisse
  Sprachniveau Prüfung Kenntnisprüfung Anpassungslehrgang Defizitbescheid Gleichwertigkeit
  Berufserfahrung Lebenslauf Bewerbung Vorstellungsgespräch Praktikum Hospitation Einarbeitung
  Familie Kinder Wohnung Umzug Landkreis Stadt Gemeinde Region Bundesland Herkunftsland Ausland
  Frage Antwort Hinweis Erfahrung Lösung Problem Ergebnis Entscheidung Verfahren Zuständigkeit
`);

/** First parts of compounds (with their linking element). */
export const HEADS = words(`
  Anerkennungs Beratungs Arbeits Berufs Pflege Sprach Integrations Aufenthalts Ausbildungs
  Qualifizierungs Weiterbildungs Bildungs Förder Antrags Prüfungs Kenntnis Anpassungs Lehrgangs
  Zeugnis Nachweis Unterlagen Übersetzungs Gebühren Kosten Fach Fachkräfte Einwanderungs
  Migrations Flüchtlings Familien Kinder Jugend Frauen Eltern Gesundheits Kranken Alten
  Handwerks Industrie Handels Landwirtschafts Bau Logistik Verwaltungs Lehr Erzieher Ingenieur
  Netzwerk Projekt Kooperations Partner Service Termin Gesprächs Informations Kommunikations
  Lohn Vertrags Kündigungs Urlaubs Schicht Arbeitszeit Arbeitsschutz Mutterschutz Renten
  Versicherungs Steuer Melde Wohnungs Miet Umzugs Schul Hochschul Studien Stipendien Praktikums
  Bewerbungs Vermittlungs Einstiegs Beschäftigungs Unternehmens Betriebs Personal Team Leitungs
  Koordinations Steuerungs Planungs Auswertungs Statistik Daten Dokumentations Berichts Quartals
  Jahres Monats Wochen Tages Regional Landes Bundes Kommunal Kreis Stadt Orts Bezirks Grenz
  Sprachkurs Online Präsenz Video Telefon Post Formular Vorlagen Muster Leitfaden Check Qualitäts
  Mentoring Coaching Begleit Unterstützungs Hilfe Notfall Krisen Konflikt Schlichtungs Rechts
  Sozial Jobcenter Agentur Kammer Behörden Ämter Gerichts Klage Widerspruchs Beschwerde Anhörungs
`);

/** Second parts of compounds. */
export const TAILS = words(`
  verfahren stelle antrag bescheid nachweis gespräch termin frist kurs kurse angebot angebote
  beratung begleitung unterstützung förderung prüfung prüfungen lehrgang maßnahme maßnahmen
  zeugnis unterlagen übersetzung gebühr kosten konzept plan planung bericht berichte protokoll
  vorlage formular merkblatt leitfaden checkliste liste übersicht statistik auswertung daten
  netzwerk partner projekt team gruppe runde treffen tagung workshop schulung seminar modul
  programm portal plattform datenbank postfach adresse kontakt ansprechpartner ansprechpartnerin
  vertrag regelung richtlinie verordnung gesetz recht rechte pflicht pflichten anspruch leistung
  zuschuss budget mittel quote zahl zahlen stand entwicklung bedarf lage situation erfahrung
  fragen hinweise tipps beispiele fälle fall akte vermerk notiz mail brief schreiben einladung
  ergebnis ergebnisse entscheidung empfehlung stellungnahme anfrage rückfrage rückmeldung
  zeit zeiten woche monat jahr phase stufe niveau kompetenz kenntnisse qualifikation abschluss
  beruf berufe branche betrieb betriebe stelle stellen platz plätze markt zugang einstieg
  wechsel wandel reform novelle änderung anpassung verbesserung sicherung qualität standard
  koordination steuerung leitung verwaltung organisation struktur ablauf prozess schritt schritte
  bescheinigung bestätigung genehmigung erlaubnis zulassung approbation anerkennung gleichstellung
  helferin helfer kraft kräfte person personen gruppen familien kinder frauen männer
`);

export const FIRST_NAMES = words(`
  Anna Maria Sophie Laura Julia Lena Sarah Lisa Katharina Johanna Hannah Leonie Marie Emma Mia
  Sabine Petra Monika Claudia Andrea Susanne Katrin Stefanie Nicole Birgit Heike Kerstin Anja
  Fatima Aylin Leyla Zeynep Amina Olena Iryna Natalia Svetlana Marta Agnieszka Ioana Elena Nour
  Lukas Jonas Leon Felix Paul Maximilian Tim Jan Niklas Tobias Michael Thomas Andreas Stefan
  Frank Markus Christian Martin Peter Uwe Jörg Ralf Holger Dirk Sven Matthias Alexander Daniel
  Ahmad Farid Omar Mehmet Emre Yusuf Ali Hassan Karim Samir Oleksandr Dmytro Andrij Piotr Tomasz
  Mihai Bogdan Nikola Luca Marco Pedro Carlos Tran Minh Wei Ravi Arjun Kwame Kofi Abdi Tesfaye
`);

export const LAST_NAMES = words(`
  Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
  Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
  Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter
  Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich
  Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon
  Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel
  Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch
  Yılmaz Kaya Demir Şahin Çelik Aydın Özdemir Arslan Doğan Ahmadi Hosseini Rahimi Karimi Haddad
  Nowak Kowalski Wiśniewski Kovalenko Shevchenko Bondarenko Popescu Ionescu Petrović Jovanović
  Nguyen Tran Wang Li Singh Patel Mensah Owusu Abebe Haile Hussein Mohammed Ibrahim Khalil
`);

export const CITIES = [
  ['Magdeburg', '39104'],
  ['Halle (Saale)', '06108'],
  ['Dessau-Roßlau', '06844'],
  ['Wittenberg', '06886'],
  ['Stendal', '39576'],
  ['Halberstadt', '38820'],
  ['Wernigerode', '38855'],
  ['Quedlinburg', '06484'],
  ['Bernburg', '06406'],
  ['Merseburg', '06217'],
  ['Naumburg', '06618'],
  ['Weißenfels', '06667'],
  ['Zeitz', '06712'],
  ['Sangerhausen', '06526'],
  ['Schönebeck', '39218'],
  ['Burg', '39288'],
  ['Salzwedel', '29410'],
  ['Köthen', '06366'],
  ['Bitterfeld-Wolfen', '06749'],
  ['Aschersleben', '06449'],
];

export const STREETS = words(`
  Hauptstraße Bahnhofstraße Breiter-Weg Marktplatz Lindenallee Schillerstraße Goethestraße
  Gartenstraße Bergstraße Kirchstraße Schulstraße Ringstraße Am-Stadtpark Friedensstraße
`).map((s) => s.replace(/-/g, ' '));

export const ORGANISATION_NAMES = {
  service_point: ['Servicestelle Anerkennung', 'Servicestelle Faire Integration', 'Beratungsstelle Berufsanerkennung', 'IQ Servicestelle'],
  business: ['Pflegedienst', 'Elektrotechnik', 'Bauunternehmen', 'Logistikzentrum', 'Klinikum', 'Metallbau', 'Softwarehaus', 'Gastronomie'],
  welfare: ['Caritasverband', 'Diakonie', 'Arbeiterwohlfahrt', 'Paritätischer Wohlfahrtsverband', 'Deutsches Rotes Kreuz'],
  migrant_org: ['Verein der Zugewanderten', 'Migrantenorganisation', 'Kulturverein', 'Integrationsverein', 'Elternverein'],
  education: ['Volkshochschule', 'Berufsbildende Schulen', 'Bildungswerk', 'Hochschule', 'Sprachschule'],
  public_admin: ['Jobcenter', 'Agentur für Arbeit', 'Ausländerbehörde', 'Landesverwaltungsamt', 'Stadtverwaltung'],
  other: ['Netzwerkbüro', 'Stiftung', 'Kammer', 'Projektbüro'],
};

export const EXPERTISE = [
  'Anerkennung Pflegeberufe',
  'Anerkennung Heilberufe',
  'Anerkennung Ingenieurberufe',
  'Anpassungsqualifizierung',
  'Arbeitsrecht',
  'Aufenthaltsrecht',
  'Sprachförderung',
  'Bewerbungscoaching',
  'Unternehmensberatung',
  'Lehrkräfte aus dem Ausland',
  'Handwerksberufe',
  'Erziehungsberufe',
  'Fördermittel',
  'Netzwerkarbeit',
];

export const LANGUAGES = [
  'Deutsch',
  'Englisch',
  'Arabisch',
  'Dari',
  'Farsi',
  'Türkisch',
  'Russisch',
  'Ukrainisch',
  'Polnisch',
  'Rumänisch',
  'Französisch',
  'Spanisch',
  'Kurdisch',
  'Tigrinya',
  'Vietnamesisch',
];

export const SPACE_TOPICS = words(`
  Anerkennung Pflege Heilberufe Ingenieurwesen Handwerk Bildung Arbeitsrecht Aufenthaltsrecht
  Sprachförderung Unternehmen Fachkräftesicherung Qualifizierung Öffentlichkeitsarbeit Statistik
  Netzwerktreffen Projektsteuerung Fortbildung Wissensaustausch Mentoring Region-Nord Region-Süd
  Region-Mitte Lehrkräfte Erziehungsberufe Gesundheit Logistik Gastronomie Landwirtschaft
`).map((s) => s.replace(/-/g, ' '));

export const FOLDER_NAMES = words(`
  Protokolle Vorlagen Rundschreiben Präsentationen Rechtliches Formulare Berichte Merkblätter
  Öffentlichkeitsarbeit Fortbildungen Statistik Leitfäden Einladungen Verträge Förderanträge
  Presse Fotos Archiv Arbeitshilfen Checklisten
`);

export const DOCUMENT_KINDS = words(`
  Protokoll Einladung Präsentation Bericht Leitfaden Merkblatt Checkliste Formular Vorlage
  Statistik Auswertung Übersicht Rundschreiben Konzept Stellungnahme Vermerk
`);

export const MEETING_TITLES = [
  'Netzwerktreffen',
  'Projektleitungsrunde',
  'Klausurtagung',
  'Fachtag Anerkennung',
  'Workshop Beratungspraxis',
  'Austausch der Servicestellen',
  'Online-Sprechstunde',
  'Regionalrunde',
];
