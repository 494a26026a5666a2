/** Dutch interface texts: the default language, and the shape every other language follows. */
export const nl = {
  app: {
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
    sections: "Onderdelen van deze fase",
    goal: "Doel",
    tip: "Tip",
    exampleQuestions: "Voorbeeldvragen",
    minutes: "{n} min",
    elapsed: "{elapsed} van {planned} min",
    currentPhase: "huidige fase",
    currentSection: "huidig onderdeel",
    notStarted:
      "Het gesprek is nog niet begonnen. Zodra de BPV-begeleider start, zie je hier de leidraad.",
    ended: "Het gesprek is afgelopen.",
    pokInvalid: "Let op: de praktijkovereenkomst (POK) is niet geldig.",
    controls: "Gesprek leiden",
    start: "Gesprek starten",
    next: "Volgende fase",
    previous: "Vorige fase",
    moveTo: "Ga naar onderdeel {section}",
    announcePhase: "Fase {phase}: {section}",
    announceStatus: "Status van het gesprek: {status}",
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
    NETWORK: "Geen verbinding met de server. Controleer je internetverbinding.",
    UNKNOWN: "Er ging iets mis. Probeer het opnieuw.",
  },
  notFound: {
    title: "Pagina niet gevonden",
    home: "Naar de startpagina",
  },
};

/** The shape of a message catalogue; every language must provide every key. */
export type MessageSchema = typeof nl;
