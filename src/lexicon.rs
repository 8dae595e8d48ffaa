//! The alias lexicon: the local names reports give services, and the canonical
//! [`ServiceKind`] each stands for.
//!
//! A record may leave a service's `kind` out when its name (or one of its `aliases`) is in this
//! lexicon; [`crate::Service::resolved_kind`] looks it up. The lexicon holds the names of the
//! bundled reports, their nynorsk forms, Oslo's city-district and city-government names, and the
//! generic names reports use for a whole service level ("kommunen", "sykehusene",
//! "distriktspsykiatriske sentre").
//!
//! # Example
//! ```
//! use samhandling::taxonomy::ServiceKind;
//!
//! assert_eq!(ServiceKind::from_local_name("Psykisk helseteneste"), Some(ServiceKind::PsykiskHelseRus));
//! assert_eq!(ServiceKind::from_local_name("Bydel Frogner"), Some(ServiceKind::Bydel));
//! assert_eq!(ServiceKind::from_local_name("NAV Bydel Frogner"), Some(ServiceKind::Nav));
//! // A name the lexicon does not know, with a known alias.
//! assert_eq!(ServiceKind::from_names("Kvisten", ["heimetenesta"]), Some(ServiceKind::Hjemmetjeneste));
//! ```

use std::sync::LazyLock;

use crate::taxonomy::ServiceKind;

/// Local names and the kind each stands for, matched case-insensitively as whole names or as
/// the start of a name ("DPS Kongsvinger" → `dps`). The longest matching entry wins.
///
/// Ambiguous names: **Velferdsforvaltningen** is Asker's municipal needs-assessment unit
/// (`tildelingskontor`), while "arbeids- og velferdsforvaltningen" is NAV; both are listed, and
/// the longer one wins. **Psykisk helsevern** is the law's word for the specialist mental-health
/// service (`sykehus`), but a municipality may name its own unit so ("Avdeling psykisk helsevern"
/// is municipal in Åsnes): only a name that begins with it is matched. **Støttekontakt** /
/// "støttekontakttenesta" is left out on purpose: it is personal assistance (hol § 3-2 nr. 6 b),
/// which no kind covers; the bundled records encode it as `other` and Asker lists it beside
/// `dagtilbud`, so a guess would merge what the reports keep apart. State the kind. When a report
/// uses a name differently, state `kind` on the service.
const ALIASES: &[(&str, ServiceKind)] = &[
    // The names of the bundled reports.
    ("arbeids- og velferdsforvaltningen", ServiceKind::Nav),
    ("arbeids- og velferdsetaten", ServiceKind::Nav),
    ("nav", ServiceKind::Nav),
    ("nav-kontoret", ServiceKind::Nav),
    ("velferdsforvaltningen", ServiceKind::Tildelingskontor),
    ("tjenestekontoret", ServiceKind::Tildelingskontor),
    ("tildelingskontoret", ServiceKind::Tildelingskontor),
    ("tildelingsenheten", ServiceKind::Tildelingskontor),
    ("tildelerenheten", ServiceKind::Tildelingskontor),
    (
        "mottak- og utredningskontoret",
        ServiceKind::Tildelingskontor,
    ),
    (
        "søknads- og samhandlingsenheten",
        ServiceKind::Tildelingskontor,
    ),
    ("dps", ServiceKind::Dps),
    ("distriktspsykiatrisk senter", ServiceKind::Dps),
    ("ara", ServiceKind::Ara),
    ("avdeling for rus og avhengighet", ServiceKind::Ara),
    ("tsb", ServiceKind::Ara),
    ("bup", ServiceKind::Bup),
    ("ahus", ServiceKind::Sykehus),
    ("akershus universitetssykehus", ServiceKind::Sykehus),
    ("sykehuset innlandet", ServiceKind::Sykehus),
    ("sykehuset østfold", ServiceKind::Sykehus),
    ("vestre viken", ServiceKind::Sykehus),
    ("spesialisthelsetjenesten", ServiceKind::Sykehus),
    ("helseforetaket", ServiceKind::Sykehus),
    ("fact", ServiceKind::Fact),
    ("fact-team", ServiceKind::Fact),
    ("fact-teamet", ServiceKind::Fact),
    ("act", ServiceKind::Act),
    ("act-team", ServiceKind::Act),
    ("act-teamet", ServiceKind::Act),
    ("koordinerende enhet", ServiceKind::KoordinerendeEnhet),
    ("ke", ServiceKind::KoordinerendeEnhet),
    (
        "avdeling psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "enhet for psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    ("psykisk helse og rus", ServiceKind::PsykiskHelseRus),
    ("dialog og mestring", ServiceKind::PsykiskHelseRus),
    ("vitt", ServiceKind::PsykiskHelseRus),
    ("vitt hjemmetjenestedel", ServiceKind::Hjemmetjeneste),
    ("bolig rus og psykisk helse", ServiceKind::PsykiskHelseRus),
    ("rustjenesten", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetjeneste", ServiceKind::PsykiskHelseRus),
    ("fastlege", ServiceKind::Fastlege),
    ("fastlegene", ServiceKind::Fastlege),
    ("fastlegen", ServiceKind::Fastlege),
    ("kommuneoverlege", ServiceKind::Kommuneoverlege),
    ("kommuneoverlegen", ServiceKind::Kommuneoverlege),
    ("legevakt", ServiceKind::Legevakt),
    ("legevakten", ServiceKind::Legevakt),
    ("hjemmetjenesten", ServiceKind::Hjemmetjeneste),
    ("hjemmetjeneste", ServiceKind::Hjemmetjeneste),
    ("boligkontoret", ServiceKind::Bolig),
    ("boligkontor", ServiceKind::Bolig),
    ("eiendomsenheten", ServiceKind::Bolig),
    ("akuttbolig", ServiceKind::Bolig),
    ("bofellesskap", ServiceKind::Bolig),
    ("barnevern", ServiceKind::Barnevern),
    ("barneverntjenesten", ServiceKind::Barnevern),
    ("politi", ServiceKind::Politi),
    ("politiet", ServiceKind::Politi),
    ("slt", ServiceKind::Slt),
    ("slt-koordinator", ServiceKind::Slt),
    ("helsestasjon for ungdom", ServiceKind::Helsestasjon),
    ("helsestasjon", ServiceKind::Helsestasjon),
    ("familiens hus", ServiceKind::Familie),
    ("lavterskeltilbud", ServiceKind::Lavterskel),
    ("røde kors", ServiceKind::Frivillig),
    ("helsefellesskap", ServiceKind::Helsefellesskap),
    ("kriminalomsorgen", ServiceKind::Kriminalomsorg),
    ("flyktningetjenesten", ServiceKind::Flyktningetjeneste),
    ("arbeidsmarkedsbedrift", ServiceKind::Arbeid),
    ("rådmannen", ServiceKind::Ledelse),
    ("kommunedirektøren", ServiceKind::Ledelse),
    ("kommunalsjef", ServiceKind::Ledelse),
    ("kontrollutvalget", ServiceKind::Kontrollutvalg),
    ("kommunestyret", ServiceKind::Kontrollutvalg),
    ("ansvarsgruppe", ServiceKind::Team),
    ("vurderings- og koordineringsteam", ServiceKind::Team),
    ("vurderings- og koordineringsteamet", ServiceKind::Team),
    (
        "psykisk helse- og rustjeneste",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "psykisk helse- og rustjenester",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "avdeling for psykisk helse og rus",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "avdeling psykisk helse og avhengighet",
        ServiceKind::PsykiskHelseRus,
    ),
    ("enhet for helsevern", ServiceKind::PsykiskHelseRus),
    ("forsterket mestringstilbud", ServiceKind::PsykiskHelseRus),
    ("helsefellesskapet", ServiceKind::Helsefellesskap),
    ("fastlegetjenesten", ServiceKind::Fastlege),
    ("fastlegekontoret", ServiceKind::Fastlege),
    ("fastleger", ServiceKind::Fastlege),
    ("kommunedirektør", ServiceKind::Ledelse),
    ("kommunalsjefen", ServiceKind::Ledelse),
    ("administrasjonen", ServiceKind::Ledelse),
    ("akuttboliger", ServiceKind::Bolig),
    ("bofellesskapet", ServiceKind::Bolig),
    ("omsorgsboliger", ServiceKind::Bolig),
    ("døgnbemannede boliger", ServiceKind::Bolig),
    ("feltsykepleien", ServiceKind::Lavterskel),
    ("frisklivssentralen", ServiceKind::Lavterskel),
    ("jordmortjenesten", ServiceKind::Helsestasjon),
    ("skolehelsetjenesten", ServiceKind::Helsestasjon),
    ("ansvarsgrupper", ServiceKind::Team),
    ("mental helse", ServiceKind::Brukerorganisasjon),
    ("anonyme narkomaner", ServiceKind::Brukerorganisasjon),
    ("brukerråd", ServiceKind::Brukerorganisasjon),
    ("brukerrådet", ServiceKind::Brukerorganisasjon),
    ("frivilligsentralen", ServiceKind::Frivillig),
    ("blakstad sykehus", ServiceKind::Sykehus),
    ("sanderud", ServiceKind::Sykehus),
    ("flyktningtjenesten", ServiceKind::Flyktningetjeneste),
    ("dagsenter", ServiceKind::Dagtilbud),
    // Nynorsk forms (GENRES.md, "Nynorsk"), and the bokmål forms beside them.
    ("psykisk helseteneste", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetenesta", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetenester", ServiceKind::PsykiskHelseRus),
    ("psykisk helse- og rusteneste", ServiceKind::PsykiskHelseRus),
    ("psykisk helse- og rustenesta", ServiceKind::PsykiskHelseRus),
    (
        "psykisk helse- og rustenester",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "psykisk helse- og rustjenesten",
        ServiceKind::PsykiskHelseRus,
    ),
    (
        "psykisk helse- og rustjenestene",
        ServiceKind::PsykiskHelseRus,
    ),
    ("rustenesta", ServiceKind::PsykiskHelseRus),
    ("psykiatritenesta", ServiceKind::PsykiskHelseRus),
    ("psykiatritjenesten", ServiceKind::PsykiskHelseRus),
    ("rus- og psykiatritenesta", ServiceKind::PsykiskHelseRus),
    ("rus- og psykiatritjenesten", ServiceKind::PsykiskHelseRus),
    ("leiinga", ServiceKind::Ledelse),
    ("leiing", ServiceKind::Ledelse),
    ("ledelsen", ServiceKind::Ledelse),
    ("rådmann", ServiceKind::Ledelse),
    ("heimehjelp", ServiceKind::Hjemmetjeneste),
    ("heimehjelpa", ServiceKind::Hjemmetjeneste),
    ("hjemmehjelp", ServiceKind::Hjemmetjeneste),
    ("hjemmehjelpen", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleie", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleia", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleien", ServiceKind::Hjemmetjeneste),
    ("hjemmesykepleie", ServiceKind::Hjemmetjeneste),
    ("hjemmesykepleien", ServiceKind::Hjemmetjeneste),
    ("heimetenesta", ServiceKind::Hjemmetjeneste),
    ("heimetenester", ServiceKind::Hjemmetjeneste),
    ("heimetenestene", ServiceKind::Hjemmetjeneste),
    ("hjemmetjenestene", ServiceKind::Hjemmetjeneste),
    ("hjemmebaserte tjenester", ServiceKind::Hjemmetjeneste),
    ("heimebaserte tenester", ServiceKind::Hjemmetjeneste),
    ("sjukehus", ServiceKind::Sykehus),
    ("sjukehuset", ServiceKind::Sykehus),
    ("sjukehusa", ServiceKind::Sykehus),
    ("spesialisthelsetenesta", ServiceKind::Sykehus),
    ("helseføretaket", ServiceKind::Sykehus),
    ("tenestekontoret", ServiceKind::Tildelingskontor),
    ("forvaltningskontoret", ServiceKind::Tildelingskontor),
    ("forvaltningsenheten", ServiceKind::Tildelingskontor),
    ("koordinerande eining", ServiceKind::KoordinerendeEnhet),
    ("fastlegane", ServiceKind::Fastlege),
    ("legevakta", ServiceKind::Legevakt),
    ("kommunelege", ServiceKind::Kommuneoverlege),
    ("kommunelegen", ServiceKind::Kommuneoverlege),
    ("barnevernet", ServiceKind::Barnevern),
    ("barnevernstjenesten", ServiceKind::Barnevern),
    ("barnevernstenesta", ServiceKind::Barnevern),
    ("barneverntenesta", ServiceKind::Barnevern),
    ("bustadkontoret", ServiceKind::Bolig),
    ("bustadtenesta", ServiceKind::Bolig),
    ("kommunale bustader", ServiceKind::Bolig),
    ("kommunale boliger", ServiceKind::Bolig),
    ("helsestasjonen", ServiceKind::Helsestasjon),
    ("flyktningtenesta", ServiceKind::Flyktningetjeneste),
    ("kriminalomsorga", ServiceKind::Kriminalomsorg),
    ("lensmannen", ServiceKind::Politi),
    ("ansvarsgruppa", ServiceKind::Team),
    // Oslo: the city districts (bydeler) and the city government (GENRES.md, "Oslo"); "NAV Bydel X" is NAV by its first word.
    ("bydel", ServiceKind::Bydel),
    ("bydelen", ServiceKind::Bydel),
    ("bydelsadministrasjonen", ServiceKind::Bydel),
    ("bydelsdirektøren", ServiceKind::Bydel),
    ("byrådet", ServiceKind::Ledelse),
    ("byråden", ServiceKind::Ledelse),
    ("byrådsavdeling", ServiceKind::Ledelse),
    ("byrådsavdelingen", ServiceKind::Ledelse),
    ("byrådsavdelingene", ServiceKind::Ledelse),
    ("bystyret", ServiceKind::Kontrollutvalg),
    ("nav-kontor", ServiceKind::Nav),
    ("nav-kontora", ServiceKind::Nav),
    ("nav-kontorene", ServiceKind::Nav),
    // Generic names a report uses for a whole service level.
    ("kommunen", ServiceKind::Kommune),
    ("kommunene", ServiceKind::Kommune),
    ("kommunane", ServiceKind::Kommune),
    ("sykehus", ServiceKind::Sykehus),
    ("sykehuset", ServiceKind::Sykehus),
    ("sykehusene", ServiceKind::Sykehus),
    ("helseforetakene", ServiceKind::Sykehus),
    ("psykisk helsevern", ServiceKind::Sykehus),
    ("psykisk helsevern for voksne", ServiceKind::Sykehus),
    ("distriktspsykiatriske sentre", ServiceKind::Dps),
    ("distriktspsykiatriske senter", ServiceKind::Dps),
    ("distriktspsykiatriske sentra", ServiceKind::Dps),
    ("tverrfaglig spesialisert rusbehandling", ServiceKind::Ara),
    ("tverrfagleg spesialisert rusbehandling", ServiceKind::Ara),
    ("frivillige organisasjoner", ServiceKind::Frivillig),
    ("frivillige organisasjonar", ServiceKind::Frivillig),
];

impl ServiceKind {
    /// The kind a local service name stands for, from the alias lexicon; `None` when the name is
    /// not known. Matching ignores case and surrounding space, and accepts a known name followed by
    /// more words ("DPS Kongsvinger", "NAV Lørenskog"); the longest matching name wins.
    ///
    /// A kind stated on a service in the data always wins over this guess.
    ///
    /// # Example
    /// ```
    /// use samhandling::taxonomy::ServiceKind;
    /// assert_eq!(ServiceKind::from_local_name("DPS Kongsvinger"), Some(ServiceKind::Dps));
    /// // Asker's Velferdsforvaltningen is a municipal unit, "arbeids- og velferdsforvaltningen" is NAV.
    /// assert_eq!(ServiceKind::from_local_name("Velferdsforvaltningen"), Some(ServiceKind::Tildelingskontor));
    /// assert_eq!(ServiceKind::from_local_name("arbeids- og velferdsforvaltningen"), Some(ServiceKind::Nav));
    /// assert_eq!(ServiceKind::from_local_name("Kvisten"), None);
    /// ```
    pub fn from_local_name(name: &str) -> Option<ServiceKind> {
        let name = name.trim().to_lowercase();
        ALIASES
            .iter()
            .filter(|(alias, _)| {
                name == *alias
                    || name
                        .strip_prefix(alias)
                        .is_some_and(|rest| rest.starts_with([' ', ',', '(']))
            })
            .max_by_key(|(alias, _)| alias.len())
            .map(|&(_, kind)| kind)
    }

    /// The kind a service's name stands for, else the first of its other names (`aliases`) that
    /// the lexicon knows; `None` when none is known. The name comes first, so an alias never
    /// overrides what the name says.
    ///
    /// # Example
    /// ```
    /// use samhandling::taxonomy::ServiceKind;
    /// assert_eq!(ServiceKind::from_names("Kvisten", ["K", "Tenestekontoret"]), Some(ServiceKind::Tildelingskontor));
    /// assert_eq!(ServiceKind::from_names("NAV Vik", ["Tenestekontoret"]), Some(ServiceKind::Nav));
    /// assert_eq!(ServiceKind::from_names("Kvisten", ["K"]), None);
    /// ```
    pub fn from_names<'a>(
        name: &str,
        aliases: impl IntoIterator<Item = &'a str>,
    ) -> Option<ServiceKind> {
        ServiceKind::from_local_name(name)
            .or_else(|| aliases.into_iter().find_map(ServiceKind::from_local_name))
    }

    /// The alias lexicon: every local name it knows, with its kind, in a fixed order.
    pub fn aliases() -> &'static [(&'static str, ServiceKind)] {
        ALIASES
    }

    /// What to do about a service whose kind the lexicon cannot tell: the validation message,
    /// listing every valid kind word.
    ///
    /// # Example
    /// ```
    /// use samhandling::taxonomy::ServiceKind;
    /// let hint = ServiceKind::unknown_name_hint();
    /// assert!(hint.contains("state the kind") && hint.contains("koordinerende_enhet"));
    /// ```
    pub fn unknown_name_hint() -> &'static str {
        static HINT: LazyLock<String> = LazyLock::new(|| {
            format!(
                "kind (neither the name nor an alias is in the alias lexicon, so state the kind: one of {})",
                ServiceKind::words().join(", ")
            )
        });
        &HINT
    }

    /// Every kind's JSON word, in the fixed order of [`ServiceKind::ALL`].
    pub fn words() -> Vec<&'static str> {
        use crate::taxonomy::Vocabulary;
        ServiceKind::ALL.iter().map(|k| k.word()).collect()
    }
}
