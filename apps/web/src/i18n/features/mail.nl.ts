/** Dutch texts for the mail outbox (the E-mail tab of /beheer). */
export const mailNl = {
  mail: {
    tab: "E-mail",
    title: "Verstuurde e-mail",
    filter: "Toon",
    filters: {
      all: "Alle",
      queued: "Wachtend",
      sent: "Verstuurd",
      failed: "Mislukt",
    },
    status: {
      queued: "Wachtend",
      sending: "Bezig",
      sent: "Verstuurd",
      failed: "Mislukt",
    },
    kind: {
      invitation: "Uitnodiging",
      update: "Wijziging",
      cancellation: "Afzegging",
      reminder: "Herinnering",
      account_setup: "Account aanmaken",
      password_reset: "Wachtwoord herstellen",
    },
    to: "Aan",
    kindLabel: "Soort",
    attempts: "Pogingen",
    reason: "Reden",
    created: "Aangemaakt",
    sent: "Verstuurd",
    nextAttempt: "Volgende poging",
    count: "{shown} van {total}",
    empty: "Er is (nog) geen e-mail.",
    loading: "E-mail laden…",
    more: "Meer laden",
  },
};
