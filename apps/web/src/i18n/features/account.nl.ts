/** Dutch texts for staff accounts: the /beheer/accounts page, setting and changing a password. */
export const accountNl = {
  account: {
    nav: "Accounts",
    title: "Accounts van medewerkers",
    intro:
      "Maak een account voor een BPV-begeleider, trajectbegeleider of beheerder. Diegene krijgt een e-mail met een link om zelf een wachtwoord te kiezen.",
    notAllowed: "Accounts beheren is er voor beheerders.",
    roles: {
      bpv_begeleider: "BPV-begeleider",
      trajectbegeleider: "Trajectbegeleider",
      admin: "Beheerder",
    },
    create: {
      title: "Nieuw account",
      name: "Naam",
      email: "E-mailadres",
      role: "Rol",
      locale: "Taal van de e-mail",
      hint: "De link in de e-mail werkt één keer en is 72 uur geldig.",
      submit: "Account maken",
      busy: "Bezig…",
      done: "Account gemaakt. Er is een e-mail gestuurd naar {email}.",
    },
    list: {
      title: "Accounts",
      search: "Zoek op naam of e-mailadres",
      find: "Zoeken",
      loading: "Accounts laden…",
      count: "Geen accounts gevonden. | 1 account. | {n} accounts.",
      more: "Meer laden",
      active: "actief",
      noPassword: "nog geen wachtwoord gekozen",
      deactivatedOn: "gedeactiveerd op {date}",
      deactivate: "Deactiveren",
      reactivate: "Weer activeren",
      confirmDeactivate:
        "{name} kan dan niet meer inloggen en wordt meteen overal uitgelogd. Doorgaan?",
      confirmReactivate: "{name} kan dan weer inloggen. Doorgaan?",
      yesDeactivate: "Ja, deactiveren",
      yesReactivate: "Ja, activeren",
      cancel: "Annuleren",
    },
    password: {
      title: "Wachtwoord kiezen",
      intro:
        "Kies een wachtwoord voor Driehoek. Daarna log je in met je e-mailadres en dit wachtwoord.",
      new: "Nieuw wachtwoord",
      repeat: "Herhaal het wachtwoord",
      hint: "Minstens {min} tekens. Een korte zin is makkelijk te onthouden.",
      submit: "Wachtwoord opslaan",
      busy: "Bezig met opslaan…",
      done: "Je wachtwoord is opgeslagen. Je kunt nu inloggen.",
      toLogin: "Naar inloggen",
      tooShort: "Het wachtwoord moet minstens {min} tekens hebben.",
      mismatch: "De twee wachtwoorden zijn niet gelijk.",
      deadLink:
        "Werkt de link niet meer? Vraag op de inlogpagina een nieuwe aan via 'Wachtwoord vergeten?'.",
      checking: "De link wordt gecontroleerd…",
      newLink: "Nieuwe link aanvragen",
    },
    change: {
      title: "Wachtwoord wijzigen",
      current: "Huidig wachtwoord",
      submit: "Wachtwoord wijzigen",
      done: "Je wachtwoord is gewijzigd.",
    },
    reset: {
      title: "Wachtwoord vergeten?",
      intro:
        "Vul je e-mailadres in. Je krijgt een e-mail met een link om een nieuw wachtwoord te kiezen.",
      submit: "Stuur een link",
      sent: "Als dit e-mailadres bij een account hoort, is er een e-mail met een link verstuurd. De link is 2 uur geldig.",
    },
    errors: {
      email_taken: "Er is al een account met dit e-mailadres.",
      wrong_password: "Het huidige wachtwoord klopt niet.",
      password_link_invalid:
        "Deze link is ongeldig. Vraag een nieuwe aan via 'Wachtwoord vergeten?' op de inlogpagina.",
      password_link_used:
        "Deze link is al gebruikt. Log in met je wachtwoord, of vraag een nieuwe link aan via 'Wachtwoord vergeten?'.",
      password_link_expired:
        "Deze link is verlopen. Vraag een nieuwe aan via 'Wachtwoord vergeten?' op de inlogpagina.",
      badInput: "Controleer de velden: een naam, een geldig e-mailadres en een rol zijn nodig.",
      forbidden: "Dit mag alleen een beheerder.",
    },
  },
};
