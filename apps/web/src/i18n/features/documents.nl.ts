/** Dutch texts for documents attached to a conversation, the signed scan and the werkprocessen. */
export const documentsNl = {
  documents: {
    title: "Documenten",
    intro:
      "Neem benodigde documenten mee: het portfolio of voortgangsoverzicht, bewijskaarten. Alle drie zien ze hier.",
    empty: "Nog geen documenten.",
    kind: "Soort document",
    kinds: {
      portfolio: "Portfolio",
      voortgangsoverzicht: "Voortgangsoverzicht",
      bewijskaart: "Bewijskaart",
      overig: "Overig",
      getekend_formulier: "Getekend formulier (scan)",
    },
    file: "Bestand",
    fileHint:
      "PDF, afbeelding (PNG, JPEG, WebP) of Office-bestand (docx, xlsx, pptx, odt), hoogstens 20 MB.",
    add: "Document toevoegen",
    uploading: "Bezig met uploaden… {percent}%",
    uploaded: "{name} is toegevoegd.",
    uploadedBy: "{name} ({role})",
    download: "Downloaden",
    downloadLabel: "{name} downloaden",
    remove: "Verwijderen",
    removeLabel: "{name} verwijderen",
    removed: "{name} is verwijderd.",
    chooseFile: "Kies eerst een bestand.",
    locked: "Het verslag is vastgezet: documenten kunnen niet meer veranderen.",
    errors: {
      too_large: "Het bestand is te groot: hoogstens 20 MB.",
      unsupported_type:
        "Dit bestandstype wordt niet geaccepteerd. Gebruik PDF, PNG, JPEG, WebP, docx, xlsx, pptx of odt.",
      type_mismatch:
        "De naam van het bestand past niet bij de inhoud. Sla het op in het juiste formaat en probeer het opnieuw.",
      empty: "Het bestand is leeg.",
      already_signed: "Het verslag is ondertekend en vastgezet; er kan niets meer bij.",
      not_ended: "Upload het getekende formulier als het gesprek is afgerond.",
      forbidden: "Je mag in dit gesprek geen documenten toevoegen.",
      unauthenticated: "Je sessie is verlopen; open je link opnieuw of log opnieuw in.",
      network: "Geen verbinding met de server; probeer het opnieuw.",
      unknown: "Uploaden is niet gelukt; probeer het opnieuw.",
    },
    record: {
      title: "Documenten",
      werkprocessen: "Werkprocessen op deze werkplek",
      signedForm: "Ondertekend op papier (scan)",
      downloadScan: "Scan downloaden",
    },
    signedForm: {
      title: "Ondertekend op papier (scan)",
      hint: "In plaats van de drie digitale akkoorden: upload de scan van het papieren gespreksformulier dat alle drie hebben ondertekend. Het verslag wordt daarmee vastgezet.",
      onlyBegeleider:
        "De BPV-begeleider kan de scan van het getekende papieren formulier uploaden.",
      file: "Scan van het getekende formulier",
      fileHint: "PDF of afbeelding (PNG, JPEG, WebP), hoogstens 20 MB.",
      button: "Scan uploaden en vastzetten",
      question: "Het verslag vastzetten met {name}? Daarna verandert er niets meer.",
      confirm: "Ja, vastzetten",
      cancel: "Annuleren",
      done: "Het verslag is vastgezet met de scan van het getekende formulier.",
    },
  },
  werkprocessen: {
    title: "Werkprocessen op deze werkplek",
    intro: "Welke kerntaken/werkprocessen kun je hier uitvoeren?",
    empty: "Voor deze opleiding zijn geen werkprocessen vastgelegd.",
    states: {
      kan_hier: "Kan ik hier uitvoeren",
      nog_niet: "Nog niet",
      kan_hier_niet: "Kan hier niet",
    },
    unmarked: "Nog niet besproken",
    saved: "{code}: {state}",
    readOnly: "Alleen de deelnemers van een gepland of lopend gesprek passen dit aan.",
  },
};
