/** Dutch texts for the begeleider's planner, the "Mijn studenten" page. */
export const planningNl = {
  planning: {
    nav: "Mijn studenten",
    title: "Mijn studenten",
    intro:
      "Je studenten op stage: of er een gesprek nodig is, of de POK in orde is, en de gesprekken die gepland staan.",
    notAllowed: "Deze pagina is er voor BPV-begeleiders en beheerders.",
    loading: "Laden…",
    retry: "Opnieuw proberen",
    empty: "Je hebt (nog) geen studenten op stage.",
    plan: "Gesprek plannen",
    planFor: "Gesprek plannen met {name}",
    placement: {
      company: "Bij {company}",
    },
    status: {
      planned: "Gepland: {at}",
      overdue: "Te laat: {n} gesprek gemist | Te laat: {n} gesprekken gemist",
      overdueSince: "Te laat: had uiterlijk {date} gemoeten",
      due: "Volgende gesprek uiterlijk {date}",
      done: "Klaar: {held} van {required} gesprekken gehouden",
      ended:
        "Stage afgelopen op {date}: {held} van {required} gesprek gehouden | Stage afgelopen op {date}: {held} van {required} gesprekken gehouden",
    },
    ended:
      "De stage is afgelopen. Een gesprek na de einddatum hoort niet meer bij de stage; plannen kan daarom niet meer.",
    pok: {
      valid: "POK in orde",
      invalid: "POK niet geldig",
    },
    mode: {
      in_person: "Op locatie",
      online: "Online",
    },
    form: {
      date: "Datum",
      time: "Tijd",
      timeSchool: "Tijd (Nederlandse tijd)",
      duration: "Duur (minuten)",
      mode: "Waar",
      location: "Locatie",
      locationHint: "Bijvoorbeeld het adres van het leerbedrijf",
      onlineUrl: "Link naar het videogesprek",
      submit: "Plannen en uitnodigen",
      proposed:
        "Voorgestelde datum: {date}, een schooldag in de leerwerkperiode die nog een gesprek nodig heeft.",
      close: "Sluiten",
    },
    planned: {
      when: "{start} · {minutes} min",
      move: "Verplaatsen",
      moveSubmit: "Verplaatsen en iedereen laten weten",
      cancel: "Annuleren",
      confirmCancel:
        "Weet je zeker dat je dit gesprek wilt annuleren? Iedereen krijgt een bericht en het verdwijnt uit hun agenda.",
      reason: "Reden (komt in het bericht, mag leeg blijven)",
      cancelSubmit: "Ja, gesprek annuleren",
      keep: "Nee, laten staan",
    },
    invite: {
      title: "Uitnodigingen",
      sent: "Uitnodiging verstuurd op {at}",
      queued: "Uitnodiging wordt verstuurd",
      failed: "Versturen mislukt",
      notSent: "Nog niet gemaild",
      noEmail: "Geen e-mailadres: kopieer de link en stuur hem zelf",
      opened: "Link geopend op {at}",
      revoked: "Ingetrokken op {at}",
      copy: "Kopieer link",
      copyFor: "Kopieer link van {name}",
      copied: "Link gekopieerd.",
      copyByHand: "Kopiëren lukte niet; selecteer de link hieronder en kopieer hem zelf.",
      linkFor: "Link van {name}",
      resend: "Opnieuw sturen",
      resendFor: "Opnieuw sturen naar {name}",
      resendDone: "Uitnodiging opnieuw verstuurd.",
      reissue: "Intrekken en nieuwe link",
      reissueFor: "Intrekken en nieuwe link voor {name}",
      reissueDone: "De oude link werkt niet meer; er is een nieuwe verstuurd.",
      reissueDoneCopy: "De oude link werkt niet meer. Kopieer de nieuwe link en stuur hem zelf.",
    },
    errors: {
      notPlanned: "Dit gesprek is al begonnen; het kan niet meer worden verplaatst of geannuleerd.",
      inviteRevoked: "Deze link is al ingetrokken. Gebruik de nieuwe link.",
      inviteExpired: "Deze link is verlopen. Trek hem in en maak een nieuwe.",
      onlineUrl: "Vul bij een online gesprek een link in die begint met http:// of https://.",
      noEmail: "Deze deelnemer heeft geen e-mailadres. Kopieer de link en stuur hem zelf.",
      date: "Vul een geldige datum en tijd in.",
      afterEnd:
        "Die dag ligt na de einddatum van de stage; een gesprek dan hoort niet meer bij de stage. Kies een dag tot en met de einddatum.",
      duration: "Een gesprek duurt minstens 10 en hoogstens 240 minuten.",
      badInput: "Wat er is ingevuld klopt niet. Controleer datum, tijd, duur en plaats.",
      forbidden:
        "Alleen de eigen BPV-begeleider van deze student (of een beheerder) plant gesprekken.",
      notFound: "Dit gesprek of deze link bestaat niet meer. Ververs de pagina.",
    },
  },
};
