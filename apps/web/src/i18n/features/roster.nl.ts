/** Dutch texts for the roster import (the /beheer/import page). */
export const rosterNl = {
  roster: {
    nav: "Importeren",
    title: "Studenten en stages importeren",
    intro:
      "Lees een export uit het studentvolgsysteem in: één regel per stage. Controleer het bestand eerst; inlezen kan pas als er geen fouten meer in staan.",
    notAllowed: "Importeren is er voor beheerders.",
    file: "CSV-bestand kiezen",
    fileHint: "Met ; of , tussen de kolommen; datums als dd-mm-jjjj of jjjj-mm-dd.",
    paste: "Of plak de inhoud hier",
    check: "Controleren",
    commit: "Inlezen",
    busy: {
      check: "Bezig met controleren…",
      commit: "Bezig met inlezen…",
    },
    stale: "De tekst is veranderd sinds de controle. Controleer opnieuw voordat je inleest.",
    result: {
      preview: "Controle",
      committed: "Ingelezen",
      counts:
        "{rows} rijen: {created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd (nog niets opgeslagen).",
      countsDone:
        "{rows} rijen ingelezen: {created} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd.",
      clean: "Geen fouten gevonden. Je kunt het bestand nu inlezen.",
      hasErrors:
        "Er staat {n} fout in het bestand. Verbeter die en controleer opnieuw. | Er staan {n} fouten in het bestand. Verbeter ze en controleer opnieuw.",
      ignored: "Niet ingelezen kolommen (hun gegevens worden niet bewaard): {columns}",
    },
    errors: {
      caption: "{n} fout | {n} fouten",
      row: "Rij",
      column: "Kolom",
      message: "Wat er mis is",
      forbidden: "Alleen een beheerder kan importeren.",
    },
    rows: {
      caption: "Wat er per rij gebeurt",
      row: "Rij",
      student: "Student",
      company: "Leerbedrijf",
      action: "Actie",
    },
    action: {
      create: "Nieuw",
      update: "Bijwerken",
      unchanged: "Ongewijzigd",
    },
    missing: {
      title: "Niet meer in het bestand",
      intro:
        "Deze stages staan wel in Driehoek maar niet in dit bestand. Ze worden niet verwijderd.",
    },
  },
};
