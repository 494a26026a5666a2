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
    fileErrors: {
      not_csv: "Dit is geen CSV-bestand: verwacht wordt tekst met ; of , tussen de kolommen.",
      invalid_csv:
        "Het bestand is geen geldige CSV. Controleer aanhalingstekens en scheidingstekens.",
      invalid_csvAt:
        "Het bestand is geen geldige CSV (rond regel {line}). Controleer aanhalingstekens en scheidingstekens.",
      empty_file: "Het bestand is leeg.",
      not_a_roster:
        "De eerste regel heeft niet de kolommen van een roosterbestand ({columns}). Zie de uitleg over importeren.",
      too_many_rows:
        "Het bestand heeft {rows} rijen; er kunnen er hoogstens {maxRows} in één keer worden ingelezen. Splits het bestand.",
      file_too_large:
        "Het bestand is {megabytes} MB; er kan hoogstens {maxMegabytes} MB in één keer worden ingelezen. Splits het bestand.",
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
  /** Why a value of a roster file or an admin edit was refused, said of the value (its column or field is named beside it). */
  inputProblem: {
    required: "is leeg, maar verplicht",
    too_long: "is te lang (hoogstens {max} tekens)",
    invalid_email: "is geen geldig e-mailadres",
    invalid_date: "is geen geldige datum (dd-mm-jjjj of jjjj-mm-dd)",
    invalid_cohort: "moet een schooljaar zijn, bijvoorbeeld 2025-2026",
    not_whole_number: "moet een heel getal van {min} tot en met {max} zijn",
    invalid_leerweg: "moet BOL of BBL zijn",
    invalid_crebo: "moet 5 cijfers zijn",
    end_before_start: "ligt vóór de startdatum",
    duplicate_column: "deze kolom staat er twee keer in",
    missing_column: "deze kolom ontbreekt",
    extra_fields: "deze rij heeft meer velden dan de kopregel",
    duplicate_placement: "deze student met deze startdatum staat al op rij {row}",
    email_taken: "{email} hoort al bij iemand anders",
    unknown_begeleider: "er is geen BPV-begeleider met het e-mailadres {email}",
    not_a_praktijkopleider: "{email} hoort bij iemand die geen praktijkopleider is",
    student_number_taken: "is al in gebruik bij een andere student",
    sbb_number_taken: "is al in gebruik bij {company}",
    start_date_taken: "de student heeft al een stage met deze startdatum",
  },
};
