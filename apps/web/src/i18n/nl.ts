import { accountNl } from "./features/account.nl";
import { adminNl } from "./features/admin.nl";
import { calendarNl } from "./features/calendar.nl";
import { documentsNl } from "./features/documents.nl";
import { guideNl } from "./features/guide.nl";
import { liveNl } from "./features/live.nl";
import { mailNl } from "./features/mail.nl";
import { planningNl } from "./features/planning.nl";
import { reportNl } from "./features/report.nl";
import { rosterNl } from "./features/roster.nl";
import { signoffNl } from "./features/signoff.nl";
import { studentNl } from "./features/student.nl";
import { talkNl } from "./features/talk.nl";
import { uiNl } from "./features/ui.nl";

/** Dutch interface texts: the default language, and the shape every other language follows. */
export const nl = {
  ...signoffNl,
  ...reportNl,
  ...planningNl,
  ...rosterNl,
  ...accountNl,
  ...adminNl,
  ...mailNl,
  ...calendarNl,
  ...documentsNl,
  ...guideNl,
  ...studentNl,
  ...liveNl,
  ...uiNl,
  ...talkNl,
  app: {
    home: "Naar de startpagina",
    name: "Driehoek",
    tagline: "Het BPV-gesprek",
    skipToContent: "Naar de inhoud",
    language: "Taal",
    logout: "Uitloggen",
    loggedInAs: "Ingelogd als {name}",
    mainNav: "Hoofdmenu",
  },
  login: {
    title: "Inloggen voor medewerkers",
    intro:
      "Ben je student of praktijkopleider? Open het gesprek dan via de uitnodigingslink die je hebt gekregen.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    failed: "Het e-mailadres of wachtwoord klopt niet.",
    locked:
      "Te veel mislukte pogingen. Inloggen kan weer over {minutes} minuut. | Te veel mislukte pogingen. Inloggen kan weer over {minutes} minuten.",
  },
  conversations: {
    title: "Mijn gesprekken",
    today: "Vandaag",
    upcoming: "Komende gesprekken",
    past: "Eerdere gesprekken",
    empty: "Je hebt nog geen gesprekken.",
    loading: "Gesprekken laden…",
    inviteIntro: "Je bent uitgenodigd voor een BPV-gesprek.",
    openInvited: "Open het gesprek",
  },
  mode: {
    in_person: "Op locatie",
    online: "Online",
  },
  join: {
    title: "Uitnodiging openen",
    about:
      "Driehoek is de plek waar jij, je BPV-begeleider en de praktijkopleider samen het BPV-gesprek voeren en de afspraken vastleggen; zodra je link is gecontroleerd, kom je meteen in jullie gesprek, zonder account of wachtwoord.",
    busy: "Je uitnodiging wordt gecontroleerd…",
    invalid:
      "Deze uitnodigingslink is ongeldig, verlopen of ingetrokken. Vraag de BPV-begeleider om een nieuwe link.",
    retry: "Opnieuw proberen",
    home: "Naar de startpagina",
  },
  conversation: {
    title: "BPV-gesprek met {name}",
    loading: "Gesprek laden…",
    back: "Mijn gesprekken",
    participants: "Deelnemers",
    phases: "Fasen van het gesprek",
    sections: "Onderdelen van het gesprek",
    goal: "Doel",
    tip: "Tip",
    exampleQuestions: "Voorbeeldvragen",
    minutes: "{n} min",
    currentPhase: "huidige fase",
    currentSection: "huidig onderdeel",
    notStarted:
      "Het gesprek is nog niet begonnen. Bereid je alvast voor en bekijk de leidraad; de BPV-begeleider start het gesprek.",
    notStartedLead:
      "Het gesprek is nog niet begonnen. Bereid je alvast voor en bekijk de leidraad; jij start het gesprek.",
    pokInvalid: "Let op: de praktijkovereenkomst (POK) is niet geldig.",
    controls: "Gesprek leiden",
    start: "Gesprek starten",
    next: "Volgende fase",
    previous: "Vorige fase",
    moveTo: "Ga naar onderdeel {section}",
    announcePhase: "Fase {phase}: {section}",
    donePhase: "afgerond",
    now: "nu",
    moveHere: "Hierheen",
    moveHereSection: ": het gesprek naar {section}",
    moveEveryoneHere: "Gesprek hierheen verplaatsen",
    peeking: "Je kijkt vooruit of terug. Het gesprek is bij: {section}.",
    backToCurrent: "Terug naar huidig onderdeel",
    announceStatus: "Status van het gesprek: {status}",
    ended: "Het gesprek is afgelopen.",
  },
  timer: {
    spoken: "{elapsed} van {planned} minuten",
    warning: "Nog 1 minuut",
    overrun: "{time} over tijd",
    announceWarning: "Nog één minuut voor deze fase.",
    announceOverrun: "De geplande tijd voor deze fase is om.",
  },
  presence: {
    label: "Wie is er",
    you: "jij",
    online: "aanwezig",
    away: "niet aanwezig",
    offline: "offline",
    connecting: "verbinden…",
    looking: "kijkt bij {section}",
    readers: "{n} meelezer | {n} meelezers",
  },
  collab: {
    connecting: "Verbinden…",
    saved: "Opgeslagen",
    saving: "Opslaan…",
    offline: "Offline — je wijzigingen blijven bewaard",
    closed: "Niet verbonden",
    readOnly: "Alleen lezen",
    failed: "Niet opgeslagen — we proberen het opnieuw",
    backOnline: "Weer verbonden. Je wijzigingen worden opgeslagen.",
    readOnlySigned:
      "Het gesprek is ondertekend. Het verslag ligt vast en kan niet meer veranderen.",
    readOnlyReader:
      "Je leest mee. Alleen de student, de praktijkopleider en de BPV-begeleider schrijven.",
    readOnlyRefused:
      "De server neemt je wijzigingen niet (meer) aan. Je kunt alleen lezen; wat je nu typt wordt niet opgeslagen.",
    closedUnauthenticated:
      "Je toegang is verlopen of je uitnodiging is ingetrokken. Vraag de BPV-begeleider om een nieuwe link.",
    closedForbidden: "Je hebt geen toegang (meer) tot dit gesprek.",
    closedNotFound: "Dit gesprek bestaat niet (meer).",
    closedTooLarge:
      "Een wijziging was te groot om op te slaan. Maak de tekst korter en verbind opnieuw.",
    closedRateLimited: "Er kwamen te veel wijzigingen tegelijk. Wacht even en verbind opnieuw.",
    closedOther: "De verbinding is verbroken.",
    reconnect: "Opnieuw verbinden",
    privateClosed: "Je privé-notities zijn nu niet bereikbaar.",
    serverRestarting: "De server start opnieuw op; je werk blijft bewaard. We verbinden zo weer…",
  },
  workspace: {
    label: "Onderdelen van de pagina",
    guide: "Leidraad",
    summary: "Samenvatting",
    agreements: "Afspraken",
    review: "Terugblik",
    notes: "Notities",
  },
  summary: {
    title: "Samenvatting",
    introStudent:
      "Vat het gesprek kort samen in je eigen woorden. De anderen zien je tekst meegroeien.",
    introOthers: "De student vat het gesprek samen. Je ziet de tekst meegroeien.",
    loading: "Editor laden…",
    toolbar: "Opmaak",
    bold: "Vet",
    italic: "Cursief",
    bulletList: "Opsomming",
    orderedList: "Genummerde lijst",
  },
  agreements: {
    title: "Nieuwe afspraken",
    intro:
      "Maak de afspraken SMART: wie doet wat, wanneer is het klaar, hoe weten we dat het gelukt is, en wat is de eerste stap.",
    empty: "Nog geen afspraken.",
    add: "Afspraak toevoegen",
    number: "Afspraak {number}",
    text: "Wat gaan we doen?",
    textHint: "Beschrijf concreet wat er gedaan wordt.",
    owner: "Wie doet het?",
    chooseOwner: "Kies…",
    dueDate: "Klaar op",
    measure: "Hoe weten we dat het gelukt is?",
    firstStep: "Eerste stap",
    werkproces: "Werkproces (code)",
    werkprocesHint: "Als het past, bijvoorbeeld B1-K1-W3.",
    werkprocesOdd: "Een werkproces-code ziet eruit als B1-K1-W3 of P1-K2-W1.",
    remove: "Verwijderen",
    confirmRemove: "Afspraak {number} verwijderen? Dat geldt voor iedereen in het gesprek.",
    overdue: "{n} dag over datum | {n} dagen over datum",
  },
  smart: {
    complete: "SMART: alles ingevuld.",
    progress: "SMART: {met} van {total} in orde.",
    met: "in orde",
  },
  review: {
    title: "Afspraken van vorige keer",
    intro:
      "Bespreek per afspraak: gedaan, deels of niet gedaan? En zo niet: waarom, en wat is er nodig?",
    empty: "Er zijn geen afspraken van het vorige gesprek.",
    number: "Afspraak {number}:",
    needed: "Wat is er nodig?",
    neededHint: "Bij deels of niet gedaan: waarom niet, en wat is er nodig?",
  },
  notes: {
    title: "Notities",
    shared: "Gedeelde notities bij {section}",
    sharedHint: "Iedereen in het gesprek ziet en schrijft deze notities.",
    goalsBesideGuide:
      "De gespreksdoelen van de student en de praktijkopleider staan bij de gids, onder “Gespreksdoel aanvullen”.",
    reviewHint:
      "Per afspraak kies je bij Terugblik: gedaan, deels of niet gedaan. Hier is ruimte voor wat er verder over gezegd wordt.",
    waiting: "De notities komen zodra er verbinding is met de server.",
    privateTitle: "Privé-notities",
    privateIntro: "Alleen jij ziet deze notities; ze helpen je bij het verslag.",
    privateSection: "Privé bij {section}",
    privateGeneral: "Algemene privé-notities",
  },
  preparation: {
    pokTitle: "Praktijkovereenkomst (POK)",
    pokValid: "De POK is geldig.",
    previousTitle: "Afspraken van het vorige gesprek",
    due: "klaar op {date}",
  },
  connection: {
    reconnecting: "De live verbinding is weg. Opnieuw verbinden…",
  },
  errors: {
    UNAUTHENTICATED:
      "Je bent niet (meer) ingelogd. Log opnieuw in, of open de uitnodigingslink opnieuw.",
    FORBIDDEN: "Je hebt geen toegang tot dit gesprek of tot deze actie.",
    NOT_FOUND: "Dit gesprek bestaat niet (meer).",
    BAD_USER_INPUT: "Wat er is ingevuld klopt niet. Controleer het en probeer het opnieuw.",
    CONFLICT: "Dat kan nu niet: het gesprek is intussen veranderd. Je ziet nu de nieuwste stand.",
    TOO_MANY_ATTEMPTS: "Te veel pogingen. Wacht even en probeer het dan opnieuw.",
    RATE_LIMITED: "Je doet te veel tegelijk. Wacht een minuut en probeer het dan opnieuw.",
    TIMEOUT: "Dit duurde te lang en is afgebroken. Probeer het opnieuw of vraag minder tegelijk.",
    INTERNAL_SERVER_ERROR: "Er ging iets mis op de server. Probeer het opnieuw.",
    NETWORK: "Geen verbinding met de server. Controleer je internetverbinding.",
    UNKNOWN: "Er ging iets mis. Probeer het opnieuw.",
  },
  notFound: {
    title: "Pagina niet gevonden",
    home: "Naar de startpagina",
  },
  session: {
    logoutEverywhere: "Overal uitloggen",
    loggedOutTitle: "Je bent uitgelogd",
    wiping: "De gegevens van het gesprek worden van dit apparaat gewist…",
    wiped:
      "Op dit apparaat is niets van het gesprek bewaard: de gesprekken, concepten en je inloggegevens zijn gewist. Je kunt het apparaat veilig aan de volgende geven.",
  },
};

/** The shape of a message catalogue; every language must provide every key. */
export type MessageSchema = typeof nl;
