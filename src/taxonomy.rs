//! The closed vocabularies of the report format. The alias lexicon of local service names
//! ([`ServiceKind::from_local_name`]) lives in [`crate::lexicon`].
//!
//! Every vocabulary is an enum serialised as a snake_case word (`koordinerende_enhet`,
//! `information_sharing`), so that records encoded by different hands compare. Each enum has
//! `ALL` (every variant, in a fixed order), [`Vocabulary::norwegian`] and [`Vocabulary::english`]
//! labels, `Display` (the JSON word) and `FromStr`, whose error lists the valid words.
//!
//! The starting lists come from the project's design notes. Additions made for the seed reports
//! are marked *Added* in their doc comments, with the reason.
//!
//! # Example
//! ```
//! use samhandling::taxonomy::{ServiceKind, GapCategory, Vocabulary};
//!
//! assert_eq!(ServiceKind::from_local_name("Tjenestekontoret"), Some(ServiceKind::Tildelingskontor));
//! assert_eq!("coordinator".parse::<GapCategory>()?, GapCategory::Coordinator);
//! assert_eq!(GapCategory::Coordinator.norwegian(), "koordinator");
//! assert!("koordinatr".parse::<GapCategory>().unwrap_err().to_string().contains("coordinating_unit"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

/// What every closed vocabulary offers beyond `Display` and `FromStr`.
pub trait Vocabulary: Sized + Copy + 'static {
    /// The vocabulary's name in messages: `service kind`, `gap category` ...
    const NAME: &'static str;
    /// Every word, in the fixed order used for output.
    const ALL: &'static [Self];
    /// The snake_case word used in JSON.
    fn word(self) -> &'static str;
    /// A short Norwegian label.
    fn norwegian(self) -> &'static str;
    /// A short English label.
    fn english(self) -> &'static str;
}

/// A word that is not in a vocabulary. Its message lists the valid words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{word}`; expected one of: {}", valid.join(", "))]
pub struct UnknownWord {
    /// The vocabulary: `service kind`, `gap category` ...
    pub vocabulary: &'static str,
    /// The word given.
    pub word: String,
    /// Every valid word.
    pub valid: Vec<&'static str>,
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $label:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal $(| $alias:literal)*, $no:literal, $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl Vocabulary for $name {
            const NAME: &'static str = $label;
            const ALL: &'static [$name] = &[$($name::$variant),+];
            fn word(self) -> &'static str {
                match self { $($name::$variant => $word,)+ }
            }
            fn norwegian(self) -> &'static str {
                match self { $($name::$variant => $no,)+ }
            }
            fn english(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }
        }

        impl $name {
            /// Every variant, in the fixed order used for output.
            pub const ALL: &'static [$name] = <$name as Vocabulary>::ALL;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.word())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, UnknownWord> {
                match s {
                    $($word $(| $alias)* => Ok($name::$variant),)+
                    _ => Err(UnknownWord {
                        vocabulary: $label,
                        word: s.to_string(),
                        valid: vec![$($word),+],
                    }),
                }
            }
        }

        /// A string enum of the vocabulary's words in the JSON Schema.
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": [$($word),+],
                    "description": concat!("A ", $label, ": ", $("`", $word, "` (", $en, "); ",)+)
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.word())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let word = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                word.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

vocabulary! {
    /// The canonical kind of a service, unit or actor, so that municipalities with different local
    /// names compare. See [`ServiceKind::from_local_name`] for the alias lexicon.
    ServiceKind, "service kind" {
        /// NAV (arbeids- og velferdsforvaltningen): the joint state/municipal labour and welfare office.
        Nav = "nav", "NAV", "labour and welfare office (NAV)";
        /// Distriktspsykiatrisk senter: specialist mental-health centre of the hospital trust.
        Dps = "dps", "distriktspsykiatrisk senter (DPS)", "community mental-health centre (DPS)";
        /// Avdeling for rus og avhengighet / TSB: specialist substance-use treatment.
        Ara = "ara", "rus og avhengighet (ARA/TSB)", "specialist substance-use treatment";
        /// Barne- og ungdomspsykiatrisk poliklinikk.
        Bup = "bup", "barne- og ungdomspsykiatri (BUP)", "child and adolescent psychiatry";
        /// Sykehus / helseforetak: the specialist health service in general.
        Sykehus = "sykehus", "sykehus/helseforetak", "hospital trust";
        /// FACT-team: flexible assertive community treatment.
        Fact = "fact", "FACT-team", "FACT team";
        /// ACT-team: assertive community treatment.
        Act = "act", "ACT-team", "ACT team";
        /// Tildelingskontor: the municipal office that assesses needs and decides (vedtak).
        Tildelingskontor = "tildelingskontor", "tildelingskontor", "needs-assessment office";
        /// Koordinerende enhet (hol § 7-3).
        KoordinerendeEnhet = "koordinerende_enhet", "koordinerende enhet", "coordinating unit";
        /// The municipal mental-health and substance-use service (fagtjeneste).
        PsykiskHelseRus = "psykisk_helse_rus", "psykisk helse og rus", "mental health and substance-use service";
        /// Fastlege: the regular GP.
        Fastlege = "fastlege", "fastlege", "GP";
        /// Kommuneoverlege: the municipal chief medical officer.
        Kommuneoverlege = "kommuneoverlege", "kommuneoverlege", "municipal chief medical officer";
        /// Legevakt: the out-of-hours emergency clinic.
        Legevakt = "legevakt", "legevakt", "out-of-hours clinic";
        /// Hjemmetjeneste: home-based care.
        Hjemmetjeneste = "hjemmetjeneste", "hjemmetjeneste", "home-based care";
        /// Bolig: housing office, supported housing, akuttbolig.
        Bolig = "bolig", "bolig", "housing";
        /// Barnevern: child welfare.
        Barnevern = "barnevern", "barnevern", "child welfare";
        /// Politi: police.
        Politi = "politi", "politi", "police";
        /// SLT-koordinator: crime-prevention coordination.
        Slt = "slt", "SLT", "crime-prevention coordination (SLT)";
        /// Helsestasjon (for ungdom), skolehelsetjeneste.
        Helsestasjon = "helsestasjon", "helsestasjon", "health clinic";
        /// Familiens hus and family services.
        Familie = "familie", "familiens hus", "family services";
        /// Lavterskeltilbud: low-threshold services without a formal decision.
        Lavterskel = "lavterskel", "lavterskeltilbud", "low-threshold service";
        /// Frivillige: voluntary organisations (Røde Kors ...).
        Frivillig = "frivillig", "frivillig", "voluntary organisation";
        /// Brukerorganisasjon: user organisations.
        Brukerorganisasjon = "brukerorganisasjon", "brukerorganisasjon", "user organisation";
        /// Helsefellesskap: regional municipality–hospital partnership.
        Helsefellesskap = "helsefellesskap", "helsefellesskap", "health community partnership";
        /// Kriminalomsorg: correctional services.
        Kriminalomsorg = "kriminalomsorg", "kriminalomsorg", "correctional services";
        /// Flyktningetjeneste: refugee services.
        Flyktningetjeneste = "flyktningetjeneste", "flyktningetjeneste", "refugee services";
        /// Arbeid: work and activity schemes, arbeidsmarkedsbedrift.
        Arbeid = "arbeid", "arbeid/arbeidsmarkedsbedrift", "work programmes";
        /// Oppvekst: schools, kindergartens, youth services.
        Oppvekst = "oppvekst", "oppvekst", "education and youth services";
        /// Ledelse: municipal management (rådmann, kommunedirektør, kommunalsjef).
        Ledelse = "ledelse", "ledelse", "management";
        /// Kontrollutvalg / kommunestyre: the political bodies that order and receive the audit.
        Kontrollutvalg = "kontrollutvalg", "kontrollutvalg/kommunestyre", "control committee / council";
        /// A forum with many members: ansvarsgruppe, vurderings- og koordineringsteam. Membership
        /// is expressed as relations of kind `team_membership`.
        Team = "team", "team/forum", "team or forum";
        /// *Added*: the municipality itself as a party (to a samarbeidsavtale, say), not one of its
        /// units.
        Kommune = "kommune", "kommunen", "the municipality";
        /// *Added*: a municipal institution or inpatient service (korttidsplass, sykehjem, KAD
        /// beds), which the reports name as a partner of discharge and stays.
        Institusjon = "institusjon", "institusjon", "municipal institution";
        /// *Added*: day and activity services (dagsenter, aktivitetstilbud), which the reports treat
        /// apart from low-threshold contact services.
        Dagtilbud = "dagtilbud", "dagtilbud/aktivitet", "day and activity services";
        /// *Added*: an Oslo city district's administration (bydel, bydelsadministrasjon): the
        /// unit that runs a district's services, where a municipality would be `kommune`. "NAV
        /// Bydel Frogner" is `nav`.
        Bydel = "bydel", "bydel/bydelsadministrasjon", "city district administration";
        /// Any other service or actor; say what it is in the service's note.
        Other = "other", "annet", "other";
    }
}

vocabulary! {
    /// What a relation between two services consists of. A relation may have several kinds.
    RelationKind, "relation kind" {
        /// Samarbeidsavtale: a formal written agreement.
        Agreement = "agreement", "samarbeidsavtale", "agreement";
        /// Rutine / prosedyre: a written routine.
        Routine = "routine", "rutine", "routine";
        /// Møte: regular meetings (samarbeidsmøter).
        Meeting = "meeting", "møte", "meeting";
        /// Membership of a team or forum (ansvarsgruppe, vurderings- og koordineringsteam).
        TeamMembership = "team_membership", "medlemskap", "team membership";
        /// Henvisning / søknad: a referral or application from A to B.
        Referral = "referral", "henvisning", "referral";
        /// Informasjonsdeling: sharing of information about users or plans.
        InformationSharing = "information_sharing", "informasjonsdeling", "information sharing";
        /// Samlokalisering: co-location.
        CoLocation = "co_location", "samlokalisering", "co-location";
        /// Veiledning: guidance, supervision, advice.
        Guidance = "guidance", "veiledning", "guidance";
        /// Felles vedtak / beslutning: joint decisions on services.
        JointDecision = "joint_decision", "felles beslutning", "joint decision";
        /// Samarbeid om enkeltbrukere: collaboration on individual cases.
        CaseCollaboration = "case_collaboration", "samarbeid om enkeltsaker", "case collaboration";
        /// *Added*: rapportering, a report or feedback to a superior or political body.
        Reporting = "reporting", "rapportering", "reporting";
        /// *Added*: melding om utskrivning, discharge notices and transfers from hospital.
        Discharge = "discharge", "utskrivning", "discharge";
        /// *Added*: a service the two run jointly (a FACT team run by municipality and DPS).
        JointService = "joint_service", "felles tjeneste", "jointly run service";
        /// *Added*: samarbeid, where the report states that two services collaborate but not
        /// in what form (common in tilsyn reports: "samarbeidet med DPS"). Prefer a specific
        /// kind whenever the text names one.
        Collaboration = "collaboration", "samarbeid (form ikke oppgitt)", "collaboration, form not stated";
    }
}

vocabulary! {
    /// How a relation works, as the report describes it.
    Status, "relation status" {
        /// Fungerer: works as intended.
        Functioning = "functioning", "fungerer", "functioning";
        /// Fungerer dårlig / varierende: works, with problems.
        Strained = "strained", "utfordrende", "strained";
        /// Mangler: does not exist although it should.
        Missing = "missing", "mangler", "missing";
        /// Uklart: the report cannot say whether or how it works.
        Unclear = "unclear", "uklart", "unclear";
        /// Planlagt: planned, not yet in place.
        Planned = "planned", "planlagt", "planned";
        /// Avviklet: existed before, no longer.
        Discontinued = "discontinued", "avviklet", "discontinued";
        /// A routine or agreement exists but is not followed; keep the required and actual cadence.
        NotFollowed = "not_followed", "rutine følges ikke", "routine not followed";
        /// Requested by one party and refused by the other.
        Refused = "refused", "avslått", "requested but refused";
        /// *Added*: beskrevet: the report states that the collaboration exists (a meeting, a
        /// routine, a referral path) without judging how it works. It exists; it is no evidence
        /// that collaboration works. `functioning` is kept for what the report says works.
        Described = "described", "beskrevet", "described, not assessed";
    }
}

impl Status {
    /// True for statuses the report judges as working collaboration, well or with problems:
    /// [`Status::Functioning`] and [`Status::Strained`]. A [`Status::Described`] relation exists
    /// but is not judged, so it is not working in this sense.
    pub fn is_working(self) -> bool {
        matches!(self, Status::Functioning | Status::Strained)
    }

    /// True for statuses of a relation that exists now, judged or not: functioning, strained,
    /// described, and a routine that exists but is not followed.
    pub fn exists(self) -> bool {
        matches!(
            self,
            Status::Functioning | Status::Strained | Status::Described | Status::NotFollowed
        )
    }
}

vocabulary! {
    /// Whether a relation has a direction.
    Direction, "direction" {
        /// From `from` to `to`: a referral, a notice, a report.
        Directed = "directed", "rettet", "directed";
        /// Both ways: a meeting, an agreement, a joint team.
        Mutual = "mutual", "gjensidig", "mutual";
    }
}

vocabulary! {
    /// Whether a relation concerns the system (agreements, forums) or individual users.
    Level, "level" {
        /// Systemnivå.
        System = "system", "systemnivå", "system level";
        /// Individnivå.
        Individual = "individual", "individnivå", "individual level";
        /// Both levels.
        Both = "both", "system- og individnivå", "both levels";
    }
}

vocabulary! {
    /// Who owns or runs a service.
    Owner, "owner" {
        /// Kommunen.
        Kommune = "kommune", "kommune", "municipality";
        /// Staten (NAV's state part, police, correctional services ...).
        Stat = "stat", "stat", "state";
        /// Helseforetak: hospital trust (specialist health service).
        Helseforetak = "helseforetak", "helseforetak", "hospital trust";
        /// Interkommunalt: several municipalities together.
        Interkommunal = "interkommunal", "interkommunal", "inter-municipal";
        /// Frivillig organisasjon.
        Frivillig = "frivillig", "frivillig", "voluntary";
        /// *Added*: a private provider.
        Privat = "privat", "privat", "private";
        /// *Added*: run jointly by the municipality and the state (NAV) or the hospital trust (FACT).
        Felles = "felles", "felles", "joint";
        /// *Added*: the county authority (upper secondary schools, the follow-up service OT).
        Fylkeskommune = "fylkeskommune", "fylkeskommune", "county authority";
    }
}

vocabulary! {
    /// Whether a service exists. A gap may be a missing service (no outreach team, no
    /// akuttbolig): encode it as a service with status `missing` and name it in the gap.
    #[derive(Default)]
    ServiceStatus, "service status" {
        /// The service exists (the default).
        #[default]
        Existing = "existing", "finnes", "existing";
        /// The report says the service is lacking.
        Missing = "missing", "mangler", "missing";
        /// Planned, not yet established.
        Planned = "planned", "planlagt", "planned";
        /// Existed before, discontinued (Nes's tildelingskontor).
        Discontinued = "discontinued", "avviklet", "discontinued";
    }
}

vocabulary! {
    /// What a coordination gap is about.
    GapCategory, "gap category" {
        /// Uklar ansvarsfordeling.
        ResponsibilityUnclear = "responsibility_unclear", "uklar ansvarsfordeling", "unclear responsibility";
        /// Mangler formell avtale.
        NoFormalAgreement = "no_formal_agreement", "mangler samarbeidsavtale", "no formal agreement";
        /// Mangler rutiner.
        NoRoutines = "no_routines", "mangler rutiner", "no routines";
        /// Informasjonsdeling.
        InformationSharing = "information_sharing", "informasjonsdeling", "information sharing";
        /// Individuell plan.
        IndividualPlan = "individual_plan", "individuell plan", "individual plan";
        /// Koordinator.
        Coordinator = "coordinator", "koordinator", "coordinator";
        /// Koordinerende enhet.
        CoordinatingUnit = "coordinating_unit", "koordinerende enhet", "coordinating unit";
        /// Kapasitet og ventetid.
        Capacity = "capacity", "kapasitet", "capacity";
        /// Bolig.
        Housing = "housing", "bolig", "housing";
        /// Kompetanse.
        Competence = "competence", "kompetanse", "competence";
        /// Brukermedvirkning.
        UserInvolvement = "user_involvement", "brukermedvirkning", "user involvement";
        /// Pårørende.
        NextOfKin = "next_of_kin", "pårørende", "next of kin";
        /// Planlegging og styring.
        PlanningGovernance = "planning_governance", "planlegging og styring", "planning and governance";
        /// Kartlegging og utredning.
        MappingAssessment = "mapping_assessment", "kartlegging", "mapping and assessment";
        /// Samhandling med spesialisthelsetjenesten.
        SpecialistInterface = "specialist_interface", "samhandling med spesialisthelsetjenesten", "specialist interface";
        /// Informasjon til innbyggerne.
        PublicInformation = "public_information", "informasjon til innbyggere", "public information";
        /// Rapportering og oppfølging.
        ReportingFollowup = "reporting_followup", "rapportering og oppfølging", "reporting and follow-up";
        /// Sikkerhet.
        Safety = "safety", "sikkerhet", "safety";
        /// Oppsøkende arbeid.
        Outreach = "outreach", "oppsøkende arbeid", "outreach";
        /// Aktivitet og arbeid.
        ActivityWork = "activity_work", "aktivitet og arbeid", "activity and work";
        /// Silotenkning og kultur.
        CultureSilo = "culture_silo", "silotenkning", "silo culture";
        /// *Added*: internkontroll, avvikssystem, risikovurdering (forskrift om ledelse og
        /// kvalitetsforbedring): the reports treat it apart from planning.
        InternalControl = "internal_control", "internkontroll", "internal control";
        /// *Added*: saksbehandling og vedtak: services given without formal decisions, slow or
        /// missing decisions.
        DecisionPractice = "decision_practice", "saksbehandling og vedtak", "decisions and case handling";
        /// *Added*: samhandling på systemnivå: collaboration between services not organised at
        /// system level (Nes 2018 "ikke lagt godt nok til rette for samhandling", Åsnes
        /// recommendation 13), apart from agreements, routines and information sharing.
        SystemCollaboration = "system_collaboration", "samhandling på systemnivå", "system-level collaboration";
        /// *Added*: mangler lavterskeltilbud: named as its own need in the Nes reports.
        LowThreshold = "low_threshold", "lavterskeltilbud", "low-threshold services";
        /// *Added for tilsyn*: dokumentasjon og journalføring: what was assessed, decided and
        /// done is not documented in the journal.
        Documentation = "documentation", "dokumentasjon og journalføring", "documentation and records";
        /// *Added for tilsyn*: kriseplan: no crisis plan, or one not known to those who need it.
        CrisisPlan = "crisis_plan", "kriseplan", "crisis plan";
        /// *Added for tilsyn*: samtykke: information shared or services given without the
        /// person's consent being obtained or recorded.
        Consent = "consent", "samtykke", "consent";
        /// *Added for tilsyn*: koordinering av tjenestene til den enkelte: one person's services
        /// are not coordinated, whether or not an individual plan or coordinator is the remedy.
        IndividualCoordination = "individual_coordination", "koordinering for den enkelte", "coordination of one person's services";
        /// *Added for tilsyn*: forsvarlig og tilstrekkelig tilbud: the help given is not adequate
        /// to the assessed need (hol § 4-1).
        TreatmentAdequacy = "treatment_adequacy", "forsvarlig tilbud", "adequacy of the services";
        /// *Added for tilsyn*: somatisk helse: physical health is not assessed or followed up.
        SomaticHealth = "somatic_health", "somatisk helse", "somatic health";
        /// *Added for tilsyn*: praktisk bistand i dagliglivet: help with daily tasks and living.
        DailyLiving = "daily_living", "praktisk bistand", "help with daily living";
        /// *Added for tilsyn*: økonomi: financial advice and guidance (NAV's råd og veiledning,
        /// økonomisk stønad).
        FinancialHelp = "financial_help", "økonomisk råd og veiledning", "financial help and advice";
        /// *Added for tilsyn*: oppfølging og evaluering: whether the services given work is not
        /// followed up or evaluated.
        ServiceEvaluation = "service_evaluation", "oppfølging og evaluering", "follow-up and evaluation of services";
        /// Anything else; say what in the gap's summary.
        Other = "other", "annet", "other";
    }
}

vocabulary! {
    /// How serious a gap is.
    Severity, "severity" {
        /// Avvik / lovbrudd: a breach of a legal requirement.
        Breach = "breach", "avvik/lovbrudd", "breach";
        /// Forbedringspunkt: something to improve.
        Improvement = "improvement", "forbedringspunkt", "improvement";
        /// Risiko: the auditor questions or flags something.
        Risk = "risk", "risiko", "risk";
        /// Lukket: resolved (in a follow-up).
        Resolved = "resolved", "lukket", "resolved";
    }
}

vocabulary! {
    /// *Added*: where in the report a gap is stated. A full report states many problems in its
    /// findings (interviews, documents, sample reviews) that its assessment does not take up as
    /// such; a researcher comparing audits must be able to tell the auditor's own verdicts from
    /// what informants told the auditor.
    StatedIn, "stated_in" {
        /// Revisors vurdering: the auditor's assessment, conclusion or summary.
        Assessment = "assessment", "revisors vurdering", "auditor's assessment";
        /// Datagrunnlag / funn: the findings (informants, documents, sample review).
        Findings = "findings", "datagrunnlag", "findings";
        /// Høringsuttalelse / verifisering: the municipality's own statement.
        Response = "response", "høringsuttalelse", "municipality's response";
    }
}

vocabulary! {
    /// *Added*: the report's own word for a finding, kept beside the canonical [`Severity`] so
    /// that a tilsyn's "lovbrudd" stays "lovbrudd". [`FindingTerm::severity`] is the documented
    /// mapping to the scale (docs/FORMAT.md, "Severity and the report's own word").
    ///
    /// `FromStr` (and so JSON) also accepts the nynorsk forms and Riksrevisjonen's own wording
    /// of each level, and reads them as the canonical word: `lovbrot` → `lovbrudd`,
    /// `ikkje_i_samsvar` → `ikke_i_samsvar`, `forbetringspunkt` → `forbedringspunkt`,
    /// `tilraading`/`tilråding` → `anbefaling`, `svakheit` → `svakhet`, `alvorlig` and
    /// `sterkt_kritikkverdig` → `sterk_kritikk`, `kritikkverdig` → `kritikk`. A record is
    /// written back with the canonical word.
    ///
    /// # Example
    /// ```
    /// use samhandling::taxonomy::{FindingTerm, Severity};
    ///
    /// let nynorsk: FindingTerm = "lovbrot".parse()?;
    /// assert_eq!(nynorsk, FindingTerm::Lovbrudd);
    /// assert_eq!(nynorsk.to_string(), "lovbrudd");
    /// assert_eq!(nynorsk.severity(), Severity::Breach);
    /// assert_eq!(FindingTerm::Merknad.severity(), Severity::Improvement);
    /// # Ok::<(), samhandling::taxonomy::UnknownWord>(())
    /// ```
    FindingTerm, "finding term" {
        /// Lovbrudd (nynorsk lovbrot): a tilsyn's breach of law (the word since about 2016).
        Lovbrudd = "lovbrudd" | "lovbrot", "lovbrudd", "breach of law";
        /// Avvik: a tilsyn's breach of a requirement in or under law (the word before about 2016).
        Avvik = "avvik", "avvik", "nonconformity";
        /// Ikke i samsvar med (nynorsk ikkje i samsvar med): an audit's statement that practice
        /// breaks a requirement.
        IkkeISamsvar = "ikke_i_samsvar" | "ikkje_i_samsvar", "ikke i samsvar med", "not in accordance with";
        /// Merknad: a tilsyn's remark: not a breach, something the supervisor points out for
        /// improvement.
        Merknad = "merknad", "merknad", "remark";
        /// Forbedringspunkt / forbedringsområde (nynorsk forbetringspunkt).
        Forbedringspunkt = "forbedringspunkt" | "forbetringspunkt", "forbedringspunkt", "area for improvement";
        /// Anbefaling (nynorsk tilråding): an audit's recommendation, when the gap is stated only
        /// through it.
        Anbefaling = "anbefaling" | "tilraading" | "tilråding", "anbefaling", "recommendation";
        /// Svakheter og mangler (nynorsk svakheit): weaknesses the auditor points out without
        /// naming a breach.
        Svakhet = "svakhet" | "svakheit", "svakheter og mangler", "weaknesses";
        /// Risiko: the auditor names a risk.
        Risiko = "risiko", "risiko", "risk";
        /// Riksrevisjonen's strongest criticism: "uakseptabelt" (sterkest kritikk).
        Uakseptabelt = "uakseptabelt", "uakseptabelt", "unacceptable (strongest criticism)";
        /// Riksrevisjonen's strong criticism: "alvorlig", "sterkt kritikkverdig".
        SterkKritikk = "sterk_kritikk" | "alvorlig" | "sterkt_kritikkverdig", "sterk kritikk", "strong criticism";
        /// Riksrevisjonen's criticism: "kritikkverdig", "ikke tilfredsstillende".
        Kritikk = "kritikk" | "kritikkverdig", "kritikk", "criticism";
    }
}

impl FindingTerm {
    /// The canonical severity this word maps to (the table of docs/FORMAT.md):
    /// - [`Severity::Breach`]: a tilsyn's lovbrudd and avvik, an audit's "ikke i samsvar med",
    ///   and every level of Riksrevisjonen's criticism (uakseptabelt, sterk kritikk, kritikk):
    ///   Riksrevisjonen criticises only where practice departs from the Storting's decisions and
    ///   premises, which bind the administration, so even its plain "kritikkverdig" states an
    ///   unmet requirement; the level itself stays in the term.
    /// - [`Severity::Risk`]: a named risk.
    /// - [`Severity::Improvement`]: a tilsyn's merknad (by definition not a breach), improvement
    ///   points, recommendations, and weaknesses.
    pub fn severity(self) -> Severity {
        match self {
            FindingTerm::Lovbrudd
            | FindingTerm::Avvik
            | FindingTerm::IkkeISamsvar
            | FindingTerm::Uakseptabelt
            | FindingTerm::SterkKritikk
            | FindingTerm::Kritikk => Severity::Breach,
            FindingTerm::Risiko => Severity::Risk,
            FindingTerm::Merknad
            | FindingTerm::Forbedringspunkt
            | FindingTerm::Anbefaling
            | FindingTerm::Svakhet => Severity::Improvement,
        }
    }
}

vocabulary! {
    /// *Added*: what a report covers. A report on a city district is not a report on the whole
    /// city, and a national study covers no single municipality.
    #[derive(Default)]
    Scope, "scope" {
        /// One or more municipalities (the default).
        #[default]
        Municipal = "municipal", "kommune", "municipal";
        /// City districts (Oslo's bydeler), named in `districts`.
        District = "district", "bydel", "city district";
        /// A county or region: several municipalities or a health region.
        Regional = "regional", "region", "regional";
        /// The whole country (Riksrevisjonen, Helsetilsynet's summaries).
        National = "national", "nasjonal", "national";
    }
}

impl Severity {
    /// Rank for "highest severity": breach > risk > improvement > resolved.
    pub fn rank(self) -> u8 {
        match self {
            Severity::Breach => 3,
            Severity::Risk => 2,
            Severity::Improvement => 1,
            Severity::Resolved => 0,
        }
    }
}

vocabulary! {
    /// The verdict of a conclusion on an audit question.
    Verdict, "verdict" {
        /// Oppfylt.
        Fulfilled = "fulfilled", "oppfylt", "fulfilled";
        /// I stor grad oppfylt.
        LargelyFulfilled = "largely_fulfilled", "i stor grad oppfylt", "largely fulfilled";
        /// Delvis oppfylt.
        Partly = "partly", "delvis oppfylt", "partly fulfilled";
        /// Ikke oppfylt.
        NotFulfilled = "not_fulfilled", "ikke oppfylt", "not fulfilled";
        /// *Added*: the report answers the question descriptively, with no verdict.
        Descriptive = "descriptive", "beskrivende", "descriptive, no verdict";
    }
}

vocabulary! {
    /// The status now of an earlier recommendation, decision point or gap, in a follow-up.
    FollowUpStatus, "follow-up status" {
        /// Gjennomført / fulgt opp.
        Implemented = "implemented", "gjennomført", "implemented";
        /// Delvis gjennomført.
        Partly = "partly", "delvis gjennomført", "partly implemented";
        /// Under arbeid.
        InProgress = "in_progress", "under arbeid", "in progress";
        /// Ikke gjennomført.
        NotImplemented = "not_implemented", "ikke gjennomført", "not implemented";
        /// Uklart: the later report says the status cannot be determined.
        Unclear = "unclear", "uklart", "unclear";
        /// *Added*: the later report discusses the item (what was done, what informants say)
        /// but states no verdict on it; the summary and evidence say what it does state.
        NotStated = "not_stated", "ingen vurdering", "no verdict stated";
    }
}

vocabulary! {
    /// What kind of document a report is.
    Genre, "genre" {
        /// Forvaltningsrevisjon: a performance audit.
        Forvaltningsrevisjon = "forvaltningsrevisjon", "forvaltningsrevisjon", "performance audit";
        /// Oppfølgingsundersøkelse: a follow-up of an earlier audit.
        Oppfolgingsundersokelse = "oppfolgingsundersokelse", "oppfølgingsundersøkelse", "follow-up study";
        /// Sammenligningsnotat: a note comparing several audits.
        Sammenligningsnotat = "sammenligningsnotat", "sammenligningsnotat", "comparison note";
        /// Tilsyn / systemrevisjon by the state.
        Tilsyn = "tilsyn", "tilsyn", "supervision";
        /// Riksrevisjonen's investigations.
        Riksrevisjon = "riksrevisjon", "Riksrevisjonen", "Auditor General";
        /// Any other kind of document.
        Other = "other", "annet", "other";
    }
}
