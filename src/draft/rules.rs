//! The drafting rules: every word list and pattern the drafter uses, in one place a researcher
//! can read and extend.
//!
//! Each list says what it is for and which rule name (printed in each drafted item's `note`)
//! uses it. Phrases are matched on the lowercased text with white space and line-end
//! hyphenation normalised (as [`crate::evidence`] does), so `"ikke i samsvar med"` also matches a
//! phrase broken over two lines. Single words marked *stemmed* are compared after Norwegian
//! Snowball stemming (rust-stemmers), so `avvik` also matches `avviket` and `avvika` but not
//! `avvikssystem`.
//!
//! The lists follow the conventions of the genres (see `GENRES.md`): how a tilsyn report states
//! an avvik or lovbrudd, how a forvaltningsrevisjon states its assessment and numbers its
//! recommendations, how Riksrevisjonen grades its criticism, and the nynorsk forms of each.

use crate::taxonomy::{FindingTerm, GapCategory, Genre, RelationKind, ServiceKind, Severity};

/// The role of a section of a report, from its heading. Drives `stated_in`, what counts as a
/// gap, and where recommendations, questions and criteria are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Before the first heading: cover, title page, colophon.
    Front,
    /// The table of contents: never evidence.
    Contents,
    /// Sammendrag, hovedfunn: the auditor's own summary (an assessment).
    Summary,
    /// Innledning, bakgrunn, formål, problemstillinger, metode, avgrensning, gjennomføring.
    Introduction,
    /// Revisjonskriterier, regelverk: the requirements, not findings.
    Criteria,
    /// Data, fakta, funn, datagrunnlag: what documents, informants and samples show. Also the
    /// default role of a numbered chapter with no role word in its heading.
    Findings,
    /// Revisjonens vurdering, vurdering av styringssystem: the auditor's assessment.
    Assessment,
    /// Konklusjon.
    Conclusion,
    /// Anbefalinger, tilrådingar.
    Recommendations,
    /// Uttalelse, høringssvar, kommentarer: the municipality's response.
    Response,
    /// Vedlegg, referanser, dokumentunderlag, deltakere.
    Appendix,
}

impl Role {
    /// True for the auditor's own voice: summary, assessment, conclusion, recommendations.
    pub fn is_assessment(self) -> bool {
        matches!(
            self,
            Role::Summary | Role::Assessment | Role::Conclusion | Role::Recommendations
        )
    }

    /// True where a gap may be stated: everything but the front matter, the contents,
    /// the introduction, the criteria and the appendices.
    pub fn states_gaps(self) -> bool {
        !matches!(
            self,
            Role::Front | Role::Contents | Role::Introduction | Role::Criteria | Role::Appendix
        )
    }
}

/// Rule `structure.role`: words in a heading and the role they give the section, in priority
/// order (the first that occurs in the lowercased heading wins, so "Konklusjon og anbefalinger"
/// is a recommendations section and "Revisjonens vurdering og konklusjon" a conclusion).
/// `true` marks a top-level section word: an unnumbered heading with it starts a chapter.
pub const SECTION_WORDS: &[(&str, Role, bool)] = &[
    ("innholdsfortegnelse", Role::Contents, true),
    ("innhaldsliste", Role::Contents, true),
    ("innhold", Role::Contents, true),
    ("innhald", Role::Contents, true),
    ("vedlegg", Role::Appendix, true),
    ("referanser", Role::Appendix, true),
    ("referansar", Role::Appendix, true),
    ("litteratur", Role::Appendix, true),
    ("kildeliste", Role::Appendix, true),
    ("kilder", Role::Appendix, true),
    ("dokumentunderlag", Role::Appendix, true),
    ("dokumentliste", Role::Appendix, true),
    ("deltakere", Role::Appendix, true),
    ("deltakarar", Role::Appendix, true),
    ("uttalelse", Role::Response, false),
    ("uttale", Role::Response, false),
    ("høringssvar", Role::Response, false),
    ("høyringssvar", Role::Response, false),
    ("høringsuttalelse", Role::Response, false),
    ("kommentarer fra", Role::Response, false),
    ("sammendrag", Role::Summary, true),
    ("samandrag", Role::Summary, true),
    ("hovedfunn", Role::Summary, false),
    ("hovudfunn", Role::Summary, false),
    ("oppsummering", Role::Summary, false),
    ("anbefaling", Role::Recommendations, false),
    ("tilråding", Role::Recommendations, false),
    ("forslag til tiltak", Role::Recommendations, false),
    ("konklusjon", Role::Conclusion, false),
    ("konklusjonar", Role::Conclusion, false),
    ("vurdering", Role::Assessment, false),
    ("revisjonskriteri", Role::Criteria, false),
    ("kriterier", Role::Criteria, false),
    ("kriteria", Role::Criteria, false),
    ("regelverk", Role::Criteria, false),
    ("lovgrunnlag", Role::Criteria, false),
    ("rettsgrunnlag", Role::Criteria, false),
    ("rettslege krav", Role::Criteria, false),
    ("rettslige krav", Role::Criteria, false),
    ("innledning", Role::Introduction, true),
    ("innleiing", Role::Introduction, true),
    ("forord", Role::Introduction, true),
    ("føreord", Role::Introduction, true),
    ("bakgrunn", Role::Introduction, false),
    ("formål", Role::Introduction, false),
    ("føremål", Role::Introduction, false),
    ("problemstilling", Role::Introduction, false),
    ("metode", Role::Introduction, false),
    ("avgrensning", Role::Introduction, false),
    ("avgrensing", Role::Introduction, false),
    ("gjennomføring", Role::Introduction, false),
    ("hva tilsynet omfattet", Role::Introduction, false),
    ("kva tilsynet omfatta", Role::Introduction, false),
    ("bestilling", Role::Introduction, false),
    ("oppbygging", Role::Introduction, false),
    ("datagrunnlag", Role::Findings, false),
    ("data", Role::Findings, false),
    ("fakta", Role::Findings, false),
    ("funn", Role::Findings, false),
    ("opplysninger", Role::Findings, false),
    ("observasjoner", Role::Findings, false),
    ("avvik", Role::Findings, false),
    ("lovbrudd", Role::Findings, false),
    ("lovbrot", Role::Findings, false),
    ("merknad", Role::Findings, false),
];

/// Rule `structure.toc`: words of a table-of-contents heading.
pub const TOC_WORDS: &[&str] = &["innholdsfortegnelse", "innhold", "innhald", "innhaldsliste"];

/// Abbreviations after which a full stop does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "jf", "bl.a", "f.eks", "pr", "nr", "ca", "mv", "m.m", "o.l", "e.l", "evt", "ev", "kap", "s",
    "jfr", "dvs", "d.v.s", "ref", "tlf", "pkt", "ift", "mht", "iht", "etc", "vs", "ift", "bl",
];

/// A word the report uses for its findings, with the severity it stands for. These are the
/// report's own terms; `term` names the word as the model's `FindingTerm` would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingWord {
    /// The phrase, lowercase.
    pub phrase: &'static str,
    /// The report's term it stands for (`avvik`, `lovbrudd`, `kritikk` ...), when it is one;
    /// its [`FindingTerm::severity`] then fixes the severity.
    pub term: Option<FindingTerm>,
    /// The severity the word states.
    pub severity: Severity,
    /// True when the word may stand anywhere but the introduction (a tilsyn's avvik is the
    /// supervisor's verdict wherever it stands); false when it counts only in the auditor's
    /// assessment, conclusion and summary ("bør", "må").
    pub anywhere: bool,
}

const fn fw(
    phrase: &'static str,
    term: Option<FindingTerm>,
    severity: Severity,
    anywhere: bool,
) -> FindingWord {
    FindingWord {
        phrase,
        term,
        severity,
        anywhere,
    }
}

/// Rule `gap.term`: the genres' words for a breach or a criticism, strongest first. Matched as
/// phrases; the first that occurs in a sentence gives its severity and term.
///
/// - tilsyn: `avvik` (until about 2016), `lovbrudd` / nynorsk `lovbrot` (since), `merknad`;
/// - Riksrevisjonen: `uakseptabelt`, `sterkt kritikkverdig` / `alvorlig`, `kritikkverdig`;
/// - forvaltningsrevisjon: `ikke i samsvar med`, `i strid med`, `svakhet`, `forbedringspunkt`.
pub const TERM_WORDS: &[FindingWord] = &[
    fw(
        "lovbrudd",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "lovbrot",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "uakseptabel",
        Some(FindingTerm::Uakseptabelt),
        Severity::Breach,
        true,
    ),
    fw(
        "sterkt kritikkverdig",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "sterk kritikk",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "kritikkverdig",
        Some(FindingTerm::Kritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "ikke i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikkje i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikke er i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikkje er i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "i strid med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "strir mot",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "forbedringspunkt",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "forbetringspunkt",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "forbedringsområde",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "svakhet",
        Some(FindingTerm::Svakhet),
        Severity::Improvement,
        true,
    ),
    fw(
        "svakheit",
        Some(FindingTerm::Svakhet),
        Severity::Improvement,
        true,
    ),
];

/// Rule `gap.avvik`: stemmed words that, opening a sentence or heading ("Avvik 1:", "Lovbrudd:",
/// "Merknad 2"), state a tilsyn finding; the sentences under such a heading are its statement.
pub const TILSYN_WORDS: &[FindingWord] = &[
    fw("avvik", Some(FindingTerm::Avvik), Severity::Breach, true),
    fw(
        "lovbrudd",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "lovbrot",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "merknad",
        Some(FindingTerm::Merknad),
        Severity::Improvement,
        true,
    ),
];

/// Rule `gap.shortcoming`: phrases that state a shortcoming without one of the report's terms.
/// The first group counts in the findings too; the second ("bør", "må", ...) only in the
/// auditor's assessment, conclusion and summary, where it states what the auditor finds
/// lacking. Severity: `risk` for the auditor's doubts, `improvement` otherwise (a breach is
/// claimed only where the report's own word says so).
pub const SHORTCOMING_WORDS: &[FindingWord] = &[
    fw("ikke tilfredsstillende", None, Severity::Improvement, true),
    fw("ikkje tilfredsstillande", None, Severity::Improvement, true),
    fw("ikke tilstrekkelig", None, Severity::Improvement, true),
    fw("ikkje tilstrekkeleg", None, Severity::Improvement, true),
    fw("ikke er tilstrekkelig", None, Severity::Improvement, true),
    fw("utilstrekkelig", None, Severity::Improvement, true),
    fw("ikke godt nok", None, Severity::Improvement, true),
    fw("ikkje godt nok", None, Severity::Improvement, true),
    fw(
        "ikke i tilstrekkelig grad",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "ikkje i tilstrekkeleg grad",
        None,
        Severity::Improvement,
        true,
    ),
    fw("mangelfull", None, Severity::Improvement, true),
    fw("manglende", None, Severity::Improvement, true),
    fw("manglande", None, Severity::Improvement, true),
    fw("mangler", None, Severity::Improvement, true),
    fw("manglar", None, Severity::Improvement, true),
    fw("mangel på", None, Severity::Improvement, true),
    fw("svikt", None, Severity::Improvement, true),
    fw("ikke oppfylt", None, Severity::Improvement, true),
    fw("ikkje oppfylt", None, Severity::Improvement, true),
    fw("ikke fulgt opp", None, Severity::Improvement, true),
    fw("ikkje følgt opp", None, Severity::Improvement, true),
    fw("ikke etablert", None, Severity::Improvement, true),
    fw("ikkje etablert", None, Severity::Improvement, true),
    fw("ikke sikrer", None, Severity::Improvement, true),
    fw("ikke sikret", None, Severity::Improvement, true),
    fw("ikkje sikrar", None, Severity::Improvement, true),
    fw("ikke gjennomført", None, Severity::Improvement, true),
    fw("sikrer ikke", None, Severity::Improvement, true),
    fw("sikrar ikkje", None, Severity::Improvement, true),
    fw("sørger ikke for", None, Severity::Improvement, true),
    fw("syter ikkje for", None, Severity::Improvement, true),
    fw("oppfyller ikke", None, Severity::Improvement, true),
    fw("oppfyller ikkje", None, Severity::Improvement, true),
    fw("ivaretar ikke", None, Severity::Improvement, true),
    fw("ivaretek ikkje", None, Severity::Improvement, true),
    fw("ikke har", None, Severity::Improvement, false),
    fw("har ikke", None, Severity::Improvement, false),
    fw("har ikkje", None, Severity::Improvement, false),
    fw("ikkje har", None, Severity::Improvement, false),
    fw("ikke alltid", None, Severity::Improvement, true),
    fw("ikkje alltid", None, Severity::Improvement, true),
    fw("mangel", None, Severity::Improvement, true),
    fw("uklarhet", None, Severity::Improvement, true),
    fw("uklart", None, Severity::Improvement, true),
    fw("uklar", None, Severity::Improvement, true),
    fw("en utfordring", None, Severity::Improvement, true),
    fw("utfordringer i ", None, Severity::Improvement, true),
    fw("utfordringer med", None, Severity::Improvement, true),
    fw(
        "utfordringer når det gjelder",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringer knyttet til samarbeid",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringer knyttet til samhandling",
        None,
        Severity::Improvement,
        true,
    ),
    fw("utfordringar i ", None, Severity::Improvement, true),
    fw("utfordringar med", None, Severity::Improvement, true),
    fw("utfordrende", None, Severity::Improvement, true),
    fw("utfordrande", None, Severity::Improvement, true),
    fw("i liten grad", None, Severity::Improvement, true),
    fw("liten kjennskap", None, Severity::Improvement, true),
    fw("lite tilgjengelig", None, Severity::Improvement, true),
    fw("etterlys", None, Severity::Improvement, true),
    fw("savner", None, Severity::Improvement, true),
    fw("saknar", None, Severity::Improvement, true),
    fw("usikkerhet", None, Severity::Risk, true),
    fw("bekymring", None, Severity::Risk, true),
    fw("risiko for", None, Severity::Risk, true),
    fw("sårbar", None, Severity::Risk, true),
    fw("personavhengig", None, Severity::Risk, true),
    fw("stiller spørsmål ved", None, Severity::Risk, false),
    fw("bør", None, Severity::Improvement, false),
    fw("må sikre", None, Severity::Improvement, false),
    fw("må sørge", None, Severity::Improvement, false),
    fw("må etablere", None, Severity::Improvement, false),
    fw("må styrke", None, Severity::Improvement, false),
    fw("må bli", None, Severity::Improvement, false),
    fw("behov for", None, Severity::Improvement, false),
];

/// Rule `gap.not-a-gap`: phrases that make a sentence positive or merely procedural, so it is
/// not drafted as a gap even if a finding word occurs (a sentence that says the practice *is*
/// in line with the requirement, or describes the method).
pub const NOT_GAP_WORDS: &[&str] = &[
    "er i samsvar med",
    "er i tråd med",
    "fungerer godt",
    "ingen avvik",
    "ingen lovbrudd",
    "ingen lovbrot",
    "ikke avdekket",
    "ikkje avdekt",
    "har ikke funnet",
    "har ikkje funne",
];

/// Rule `gap.category`: codebook keywords and the category they give, in priority order (the
/// first category with a keyword in the sentence wins; specific before general). Keywords are
/// matched as substrings of the lowercased sentence, so compounds count ("omsorgsbolig"); a
/// keyword with a leading space must open a word (" vold" matches "voldsrisiko", not
/// "forvoldt"), with a trailing space too it is a whole word (" gjeld " is not "gjelder"), and
/// keywords of three letters or fewer ("ip", "dps") are whole words.
pub const CATEGORY_WORDS: &[(GapCategory, &[&str])] = &[
    (
        GapCategory::IndividualPlan,
        &[
            "individuell plan",
            "individuelle plan",
            "individuelle planer",
            "ip",
        ],
    ),
    (
        GapCategory::CoordinatingUnit,
        &[
            "koordinerende enhet",
            "koordinerande eining",
            "koordinerende enheter",
        ],
    ),
    (GapCategory::CrisisPlan, &["kriseplan", "kriseplanar"]),
    (GapCategory::Consent, &["samtykke"]),
    (GapCategory::Coordinator, &["koordinator"]),
    (
        GapCategory::IndividualCoordination,
        &[
            "koordinering av tjenest",
            "koordinering av tenest",
            "koordinerte tjenester",
            "koordinerte tenester",
            "samordning av tjenest",
            "samordning av tenest",
            "helhetlige og koordinerte",
            "heilskaplege og koordinerte",
        ],
    ),
    (
        GapCategory::ResponsibilityUnclear,
        &[
            "ansvarsfordeling",
            "ansvarsdeling",
            "uklart ansvar",
            "roller og ansvar",
            "ansvar og roller",
            "oppgave- og ansvar",
            "hvem som har ansvar",
            "kven som har ansvar",
            "fordelt ansvar",
            "uklart hvem",
        ],
    ),
    (
        GapCategory::UserInvolvement,
        &[
            "brukermedvirkning",
            "medvirkning",
            "brukarmedverknad",
            "medverknad",
            "brukerundersøk",
            "brukerråd",
            "brukarundersøk",
            "innspill fra brukere",
            "erfaringer fra brukere",
            "brukerog pårørende",
            "brukarog pårørande",
        ],
    ),
    (GapCategory::NextOfKin, &["pårørende", "pårørande"]),
    (
        GapCategory::Housing,
        &[
            "bolig",
            "bustad",
            "botilbud",
            "butilbod",
            "utkastelse",
            "husvære",
        ],
    ),
    (
        GapCategory::InformationSharing,
        &[
            "informasjonsdeling",
            "informasjonsutveksling",
            "dele informasjon",
            "deling av informasjon",
            "utveksling av informasjon",
            "taushetsplikt",
            "teieplikt",
            "epikrise",
        ],
    ),
    (
        GapCategory::PublicInformation,
        &[
            "hjemmeside",
            "heimeside",
            "nettside",
            "informasjon til innbygg",
            "informasjon om tjeneste",
            "informasjon om tilbud",
            "informasjon om tenest",
        ],
    ),
    (
        GapCategory::InternalControl,
        &[
            "internkontroll",
            "avvikssystem",
            "avviksmelding",
            "avvikshandtering",
            "avvikshåndtering",
            "risikovurdering",
            "ros-analyse",
            "styringssystem",
            "kvalitetssystem",
            "kvalitetsforbedring",
        ],
    ),
    (
        GapCategory::ServiceEvaluation,
        &[
            "evaluering av tjenest",
            "evaluering av tenest",
            "evaluere tjenest",
            "evaluert sine tjenester",
            "oppfølging og evaluering",
            "evaluering av tiltak",
            "evaluere tiltak",
            " evaluert",
            " evaluere",
            " evaluering",
        ],
    ),
    (
        GapCategory::SomaticHealth,
        &["somatisk", "fysisk helse", "tannhelse", "somatikk"],
    ),
    (
        GapCategory::FinancialHelp,
        &[
            "økonomisk rådgiv",
            "økonomisk råd",
            " gjeld ",
            "gjeldsrådgiv",
            "økonomisk stønad",
            "økonomisk sosialhjelp",
            "personlig økonomi",
            " økonomi ",
        ],
    ),
    (
        GapCategory::DailyLiving,
        &[
            "praktisk bistand",
            "dagliglivet",
            "praktiske gjøremål",
            "praktiske gjeremål",
            "daglegliv",
        ],
    ),
    (
        GapCategory::MappingAssessment,
        &["kartlegg", "utredning", "utgreiing", "utreding"],
    ),
    (
        GapCategory::ActivityWork,
        &[
            "aktivitetstilbud",
            "arbeid og aktivitet",
            "sysselsetting",
            "dagtilbud",
            "meningsfull aktivitet",
            "arbeidstiltak",
        ],
    ),
    (
        GapCategory::Outreach,
        &["oppsøkende", "oppsøkande", "ambulant", "ettervern"],
    ),
    (GapCategory::LowThreshold, &["lavterskel", "lågterskel"]),
    (
        GapCategory::SpecialistInterface,
        &[
            "spesialisthelsetjenest",
            "spesialisthelsetenest",
            "dps",
            "sykehus",
            "sjukehus",
            "utskriv",
            "helseforetak",
            "innleggelse",
        ],
    ),
    (
        GapCategory::Safety,
        &[
            " sikkerhet",
            " tryggleik",
            " vold",
            "selvmord",
            "sjølvmord",
            " trussel",
            " trusler",
        ],
    ),
    (
        GapCategory::Competence,
        &["kompetanse", "opplæring", "opplæring", "fagkunnskap"],
    ),
    (
        GapCategory::Capacity,
        &[
            "kapasitet",
            "ventetid",
            "venteliste",
            "bemanning",
            "årsverk",
            "dimensjoner",
            "ressurs",
        ],
    ),
    (
        GapCategory::DecisionPractice,
        &[
            "enkeltvedtak",
            " vedtak om",
            " vedtak på",
            "tidsbestemte vedtak",
            "tidsavgrensa vedtak",
            "nytt vedtak",
            "revurder",
            "saksbehandl",
            "sakshandsam",
            "tildeling",
            "søknad",
        ],
    ),
    (
        GapCategory::ReportingFollowup,
        &["rapporter", "tilbakemelding", "kontrollutvalg"],
    ),
    (
        GapCategory::PlanningGovernance,
        &[
            " plan",
            "temaplan",
            "handlingsplan",
            "planverk",
            " mål ",
            " mål,",
            " målene",
            "målsetting",
            " styring",
            " leiing",
            " ledelse",
            "overordnet",
        ],
    ),
    (GapCategory::CultureSilo, &["silo", "kultur"]),
    (
        GapCategory::TreatmentAdequacy,
        &[
            "forsvarlig",
            "forsvarleg",
            "tilstrekkelig tilbud",
            "tilstrekkeleg tilbod",
            "tilstrekkelig tjenestetilbud",
        ],
    ),
    (
        GapCategory::NoFormalAgreement,
        &["samarbeidsavtale", "avtale"],
    ),
    (
        GapCategory::NoRoutines,
        &[
            "rutine",
            "rutinar",
            "prosedyre",
            "retningslinje",
            "retningsline",
        ],
    ),
    (
        GapCategory::Documentation,
        &[
            "dokumentasjon",
            "journalføring",
            "journal",
            "dokumentert",
            "dokumentere",
        ],
    ),
    (
        GapCategory::SystemCollaboration,
        &["samhandling", "samarbeid", "samordning", "koordiner"],
    ),
];

/// Rule `gap.category`: categories the format keeps for tilsyn and national reports
/// (docs/FORMAT.md, `category`); in other genres their keywords are passed over and the next
/// category with a keyword in the sentence is taken.
pub const SUPERVISION_CATEGORIES: &[GapCategory] = &[
    GapCategory::Documentation,
    GapCategory::CrisisPlan,
    GapCategory::Consent,
    GapCategory::IndividualCoordination,
    GapCategory::TreatmentAdequacy,
    GapCategory::SomaticHealth,
    GapCategory::DailyLiving,
    GapCategory::FinancialHelp,
    GapCategory::ServiceEvaluation,
];

/// Rule `relation.cue`: words of collaboration and the relation kind each states. Matched as
/// substrings of the lowercased sentence; a sentence naming two services and one of these is a
/// relation candidate. Kinds listed first win when several occur.
pub const RELATION_WORDS: &[(&str, RelationKind)] = &[
    ("samarbeidsavtale", RelationKind::Agreement),
    ("avtale", RelationKind::Agreement),
    ("rutine", RelationKind::Routine),
    ("rutinar", RelationKind::Routine),
    ("prosedyre", RelationKind::Routine),
    ("ansvarsgruppe", RelationKind::TeamMembership),
    ("deltar i", RelationKind::TeamMembership),
    ("deltek i", RelationKind::TeamMembership),
    ("henvis", RelationKind::Referral),
    ("tilvis", RelationKind::Referral),
    ("utskriv", RelationKind::Discharge),
    ("samlokali", RelationKind::CoLocation),
    ("veiledning", RelationKind::Guidance),
    ("rettleiing", RelationKind::Guidance),
    ("informasjon", RelationKind::InformationSharing),
    ("rapporter", RelationKind::Reporting),
    ("møte", RelationKind::Meeting),
    ("samarbeid", RelationKind::CaseCollaboration),
    ("samhandl", RelationKind::CaseCollaboration),
    ("samordn", RelationKind::CaseCollaboration),
];

/// Rule `relation.status`: words that say a collaboration is lacking (negation), strained,
/// working, planned or gone. Checked in that order of strength: gone, planned, lacking,
/// strained, working; with none, the status is `described`.
pub const NEGATION_WORDS: &[&str] = &[
    "ikke",
    "ikkje",
    "ingen",
    "inga",
    "uten",
    "utan",
    "mangler",
    "manglar",
    "manglende",
    "manglande",
    "verken",
    "aldri",
];
/// See [`NEGATION_WORDS`].
pub const STRAIN_WORDS: &[&str] = &[
    "varierende",
    "varierande",
    "utfordr",
    "dårlig",
    "dårleg",
    "tilfeldig",
    "personavhengig",
    "sårbar",
    "krevende",
    "krevjande",
    "mangelfull",
    "begrenset",
    "avgrensa",
    "i liten grad",
    "ikke godt nok",
    "ikkje godt nok",
];
/// See [`NEGATION_WORDS`].
pub const WORKING_WORDS: &[&str] = &[
    "fungerer godt",
    "fungerer bra",
    "fungerer fint",
    "godt samarbeid",
    "god samhandling",
    "godt fungerende",
    "velfungerende",
    "fornøyd med",
    "positiv erfaring",
];
/// See [`NEGATION_WORDS`].
pub const PLANNED_WORDS: &[&str] = &["planlegg", "planlagt", "skal etablere", "vil etablere"];
/// See [`NEGATION_WORDS`].
pub const GONE_WORDS: &[&str] = &[
    "avviklet",
    "avvikla",
    "lagt ned",
    "opphørt",
    "ikke lenger",
    "ikkje lenger",
];

/// Rule `service.lexicon` (draft side): local names the crate's alias lexicon
/// ([`ServiceKind::from_local_name`]) does not know yet: nynorsk forms, Oslo's bydel and
/// byråd names, supervisors and directorates, and generic unit names. Matched like the lexicon,
/// as whole words, inflected forms by stem.
pub const EXTRA_SERVICES: &[(&str, ServiceKind)] = &[
    ("heimetenesta", ServiceKind::Hjemmetjeneste),
    ("heimetenester", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleia", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleie", ServiceKind::Hjemmetjeneste),
    ("hjemmesykepleien", ServiceKind::Hjemmetjeneste),
    ("hjemmebaserte tjenester", ServiceKind::Hjemmetjeneste),
    ("sjukehuset", ServiceKind::Sykehus),
    ("spesialisthelsetenesta", ServiceKind::Sykehus),
    ("spesialisthelsetjenestene", ServiceKind::Sykehus),
    ("psykisk helsevern", ServiceKind::Sykehus),
    ("helse- og omsorgstenesta", ServiceKind::PsykiskHelseRus),
    ("psykisk helseteneste", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetenesta", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetjenesten", ServiceKind::PsykiskHelseRus),
    ("rustenesta", ServiceKind::PsykiskHelseRus),
    ("rusomsorga", ServiceKind::PsykiskHelseRus),
    ("rusomsorgen", ServiceKind::PsykiskHelseRus),
    ("rusteamet", ServiceKind::PsykiskHelseRus),
    ("ruskonsulent", ServiceKind::PsykiskHelseRus),
    ("psykiatritjenesten", ServiceKind::PsykiskHelseRus),
    ("fastlegane", ServiceKind::Fastlege),
    ("legevakta", ServiceKind::Legevakt),
    ("barnevernstenesta", ServiceKind::Barnevern),
    ("barneverntenesta", ServiceKind::Barnevern),
    ("barnevernet", ServiceKind::Barnevern),
    ("koordinerande eining", ServiceKind::KoordinerendeEnhet),
    ("tildelingskontor", ServiceKind::Tildelingskontor),
    ("tenestekontoret", ServiceKind::Tildelingskontor),
    ("forvaltningskontoret", ServiceKind::Tildelingskontor),
    ("bestillerkontoret", ServiceKind::Tildelingskontor),
    ("forvaltningsenheten", ServiceKind::Tildelingskontor),
    ("sosialtjenesten", ServiceKind::Nav),
    ("nav-kontor", ServiceKind::Nav),
    ("statsforvalteren", ServiceKind::Other),
    ("fylkesmannen", ServiceKind::Other),
    ("helsetilsynet", ServiceKind::Other),
    ("helsedirektoratet", ServiceKind::Other),
    ("husbanken", ServiceKind::Bolig),
    ("bystyret", ServiceKind::Kontrollutvalg),
    ("byrådet", ServiceKind::Ledelse),
    ("byrådsavdelingen", ServiceKind::Ledelse),
    ("bydelsdirektøren", ServiceKind::Ledelse),
    ("kommunalsjefen", ServiceKind::Ledelse),
    ("formannskapet", ServiceKind::Kontrollutvalg),
    ("friomsorgen", ServiceKind::Kriminalomsorg),
    ("sykehjem", ServiceKind::Institusjon),
    ("sykehjemmet", ServiceKind::Institusjon),
    ("sjukeheim", ServiceKind::Institusjon),
    ("sjukeheimen", ServiceKind::Institusjon),
    ("aktivitetssenter", ServiceKind::Dagtilbud),
    ("dagsenteret", ServiceKind::Dagtilbud),
    ("arbeidstiltak", ServiceKind::Arbeid),
    ("ansvarsgruppa", ServiceKind::Team),
    ("ansvarsgruppene", ServiceKind::Team),
    ("krisesenter", ServiceKind::Other),
    ("ppt", ServiceKind::Oppvekst),
    ("utekontakten", ServiceKind::Lavterskel),
    ("oppsøkende team", ServiceKind::Act),
    ("helsestasjonen", ServiceKind::Helsestasjon),
    ("bup", ServiceKind::Bup),
    ("kad", ServiceKind::Institusjon),
    ("ambulerende team", ServiceKind::PsykiskHelseRus),
    ("ambulant team", ServiceKind::PsykiskHelseRus),
    ("brukerorganisasjoner", ServiceKind::Brukerorganisasjon),
    ("frivillige organisasjoner", ServiceKind::Frivillig),
    ("frivilligsentral", ServiceKind::Frivillig),
    ("erfaringskonsulenter", ServiceKind::Brukerorganisasjon),
    ("kommunepsykologen", ServiceKind::PsykiskHelseRus),
    ("kommunepsykolog", ServiceKind::PsykiskHelseRus),
    ("botilbud", ServiceKind::Bolig),
    ("midlertidig botilbud", ServiceKind::Bolig),
    ("støttekontakt", ServiceKind::Other),
    ("erfaringskonsulent", ServiceKind::Brukerorganisasjon),
    ("ambulerende tjeneste", ServiceKind::PsykiskHelseRus),
    ("dagtilbud", ServiceKind::Dagtilbud),
];

/// Rule `service.lexicon`: names that are also common words or phrases ("mental helse",
/// "vitt"), drafted only when written with a capital letter. Names of four letters or fewer
/// (NAV, DPS, KE, ARA) are drafted only when capitalised too.
pub const CAPITALISED_ONLY: &[&str] = &[
    "mental helse",
    "anonyme narkomaner",
    "vitt",
    "sanderud",
    "røde kors",
    "helsefellesskap",
];

/// Rule `service.pattern`: heads that make `<head> <Name>` a named unit ("DPS Kongsvinger",
/// "NAV Asker", "Bydel Frogner", "Statsforvalteren i Vestland"), with the kind.
pub const HEAD_BEFORE_NAME: &[(&str, ServiceKind)] = &[
    ("DPS", ServiceKind::Dps),
    ("NAV", ServiceKind::Nav),
    ("Nav", ServiceKind::Nav),
    ("BUP", ServiceKind::Bup),
    ("ARA", ServiceKind::Ara),
    ("FACT", ServiceKind::Fact),
    ("ACT", ServiceKind::Act),
    ("Bydel", ServiceKind::Kommune),
    ("Sykehuset", ServiceKind::Sykehus),
    ("Sjukehuset", ServiceKind::Sykehus),
    ("Helse", ServiceKind::Sykehus),
    ("Statsforvalteren i", ServiceKind::Other),
    ("Fylkesmannen i", ServiceKind::Other),
    ("Kontrollutvalget i", ServiceKind::Kontrollutvalg),
];

/// Rule `service.pattern`: heads that make `<Name> <head>` a named unit ("Asker kommune",
/// "Moss DPS", "Flisabo omsorgsbolig", "Åsnes Frivilligsentral"), with the kind.
pub const HEAD_AFTER_NAME: &[(&str, ServiceKind)] = &[
    ("kommune", ServiceKind::Kommune),
    ("DPS", ServiceKind::Dps),
    ("HF", ServiceKind::Sykehus),
    ("sykehus", ServiceKind::Sykehus),
    ("legevakt", ServiceKind::Legevakt),
    ("omsorgsbolig", ServiceKind::Bolig),
    ("omsorgsboliger", ServiceKind::Bolig),
    ("gruppebolig", ServiceKind::Bolig),
    ("bofellesskap", ServiceKind::Bolig),
    ("boliger", ServiceKind::Bolig),
    ("sykehjem", ServiceKind::Institusjon),
    ("dagsenter", ServiceKind::Dagtilbud),
    ("Frivilligsentral", ServiceKind::Frivillig),
    ("frivilligsentral", ServiceKind::Frivillig),
    ("krisesenter", ServiceKind::Other),
];

/// Rule `service.pattern`: a lowercase type word with its article, then a capitalised name or a
/// quoted one ("dagsentertilbudet Oasen", "arbeidsmarkedsbedriften KanMer", "Stiftelsen Petter
/// Uteligger", "prosjektet «Samhandlingsmodeller»"). The kind comes from [`KIND_WORDS`] and
/// these words, else `other`.
pub const TYPE_BEFORE_NAME: &[(&str, ServiceKind)] = &[
    ("dagsenteret", ServiceKind::Dagtilbud),
    ("dagsentertilbudet", ServiceKind::Dagtilbud),
    ("dagtilbudet", ServiceKind::Dagtilbud),
    ("aktivitetstilbudet", ServiceKind::Dagtilbud),
    ("møteplassen", ServiceKind::Lavterskel),
    ("lavterskeltilbudet", ServiceKind::Lavterskel),
    ("arbeidsmarkedsbedriften", ServiceKind::Arbeid),
    ("arbeidsmarketbedriften", ServiceKind::Arbeid),
    ("bedriften", ServiceKind::Arbeid),
    ("tiltaket", ServiceKind::Other),
    ("tilbudet", ServiceKind::Other),
    ("tilbodet", ServiceKind::Other),
    ("prosjektet", ServiceKind::Other),
    ("stiftelsen", ServiceKind::Frivillig),
    ("Stiftelsen", ServiceKind::Frivillig),
    ("organisasjonen", ServiceKind::Frivillig),
    ("foreningen", ServiceKind::Frivillig),
    ("Landsforeningen", ServiceKind::Brukerorganisasjon),
    ("boligen", ServiceKind::Bolig),
    ("bofellesskapet", ServiceKind::Bolig),
    ("omsorgsboligen", ServiceKind::Bolig),
    ("gruppeboligen", ServiceKind::Bolig),
    ("teamet", ServiceKind::Team),
    ("gruppen", ServiceKind::Team),
    ("forumet", ServiceKind::Team),
];

/// Capitalised words that stand before a head ("Hver kommune", "Denne kommune") but are no
/// name.
pub const NOT_NAMES: &[&str] = &[
    "Den",
    "Det",
    "Denne",
    "Dette",
    "Hver",
    "Kvar",
    "En",
    "Ein",
    "Én",
    "Samme",
    "Same",
    "Vår",
    "Annen",
    "Anna",
    "Hvilken",
    "Kva",
    "Hvilke",
    "Alle",
    "Begge",
    "Som",
    "Og",
    "Eller",
    "I",
    "Om",
    "Til",
    "For",
    "Fra",
    "Frå",
    "Med",
    "Av",
    "På",
    "Ved",
    "Mot",
    "Når",
    "Der",
    "Hver",
    "Ingen",
    "Kommunen",
    "Nye",
    "Ny",
    "Vertskommune",
    "Hele",
    "Heile",
];

/// Rule `service.head-noun`: endings of a unit's name ("miljøarbeidertjenesten",
/// "booppfølgingsteamet", "lederforum", "fordelingsmøtet") with the kind each gives; a word with
/// one of them and at least four letters before it is drafted as a service. `Other` means the
/// kind is looked for in [`KIND_WORDS`], else left `other` for the reviewer.
pub const UNIT_ENDINGS: &[(&str, ServiceKind)] = &[
    ("tjenesten", ServiceKind::Other),
    ("tjenestene", ServiceKind::Other),
    ("tenesta", ServiceKind::Other),
    ("kontoret", ServiceKind::Other),
    ("senteret", ServiceKind::Other),
    ("sentralen", ServiceKind::Other),
    ("enheten", ServiceKind::Other),
    ("eininga", ServiceKind::Other),
    ("avdelingen", ServiceKind::Other),
    ("avdelinga", ServiceKind::Other),
    ("huset", ServiceKind::Other),
    ("teamet", ServiceKind::Team),
    ("team", ServiceKind::Team),
    ("forum", ServiceKind::Team),
    ("forumet", ServiceKind::Team),
    ("utvalg", ServiceKind::Team),
    ("utvalget", ServiceKind::Team),
    ("gruppa", ServiceKind::Team),
    ("gruppen", ServiceKind::Team),
    ("møtet", ServiceKind::Team),
    ("møtene", ServiceKind::Team),
    ("koordinator", ServiceKind::Other),
    ("koordinatoren", ServiceKind::Other),
];

/// Rule `service.head-noun`: words inside a unit's name that give its kind.
pub const KIND_WORDS: &[(&str, ServiceKind)] = &[
    ("bolig", ServiceKind::Bolig),
    ("bustad", ServiceKind::Bolig),
    ("barnevern", ServiceKind::Barnevern),
    ("hjemme", ServiceKind::Hjemmetjeneste),
    ("heime", ServiceKind::Hjemmetjeneste),
    ("helsestasjon", ServiceKind::Helsestasjon),
    ("legevakt", ServiceKind::Legevakt),
    ("rus", ServiceKind::PsykiskHelseRus),
    ("psyk", ServiceKind::PsykiskHelseRus),
    ("tildeling", ServiceKind::Tildelingskontor),
    ("flyktning", ServiceKind::Flyktningetjeneste),
];

/// Rule `meta.genre`: phrases in the first pages that give the genre, in priority order.
pub const GENRE_WORDS: &[(&str, Genre)] = &[
    ("dokument 3:", Genre::Riksrevisjon),
    ("riksrevisjonens undersøkelse", Genre::Riksrevisjon),
    ("riksrevisjonens undersøking", Genre::Riksrevisjon),
    ("oppfølgingsundersøkelse", Genre::Oppfolgingsundersokelse),
    ("oppfølgingsundersøking", Genre::Oppfolgingsundersokelse),
    ("oppfølgingsrapport", Genre::Oppfolgingsundersokelse),
    (
        "oppfølging av forvaltningsrevisjon",
        Genre::Oppfolgingsundersokelse,
    ),
    ("oppfølgingsrevisjon", Genre::Oppfolgingsundersokelse),
    ("tilsynsrapport", Genre::Tilsyn),
    ("rapport frå tilsyn", Genre::Tilsyn),
    ("rapport fra tilsyn", Genre::Tilsyn),
    ("landsomfattende tilsyn", Genre::Tilsyn),
    ("landsomfattande tilsyn", Genre::Tilsyn),
    ("systemrevisjon", Genre::Tilsyn),
    ("sammenligning av", Genre::Sammenligningsnotat),
    ("forvaltningsrevisjon", Genre::Forvaltningsrevisjon),
];

/// Rule `meta.methods`: words of the method section and the method each names.
pub const METHOD_WORDS: &[(&str, &str)] = &[
    ("dokumentanalyse", "document review"),
    ("dokumentgjennomgang", "document review"),
    ("gjennomgang av dokument", "document review"),
    ("intervju", "interviews"),
    ("spørreundersøkelse", "survey"),
    ("spørjeundersøking", "survey"),
    ("questback", "survey"),
    ("stikkprøve", "sample review"),
    ("journalgjennomgang", "sample review"),
    ("observasjon", "observation"),
];

/// Rule `recommendation.lead-in`: words of a sentence that introduces a list of
/// recommendations ("Revisjonen anbefaler at kommunen:", "vil Deloitte anbefale at ...
/// iverksetter følgende tiltak:", nynorsk "tilrår").
pub const RECOMMENDATION_LEADS: &[&str] = &[
    "anbefal",
    "tilrår",
    "tilråd",
    "følgende tiltak",
    "følgjande tiltak",
    "foreslår",
    "gjer framlegg",
];

/// Rule `question.lead-in`: words of a sentence that introduces the audit questions.
pub const QUESTION_LEADS: &[&str] = &["problemstilling", "spørsmål"];

/// Rule `gap.negation`: after "ikke", "ikkje" or "ingen" (within four words), a participle
/// (a word ending in -ert, -et, -tt, -lt, -nt: "ikke etablert", "ikke er dokumentert") or one of
/// these words states a shortcoming.
pub const NEGATED_WORDS: &[&str] = &[
    "gjort",
    "vært",
    "fått",
    "kjent",
    "tilstrekkelig",
    "tilstrekkeleg",
    "tilgjengelig",
    "tilgjengeleg",
    "systematisk",
    "skriftlig",
    "skriftleg",
    "kapasitet",
    "oversikt",
    "tilbud",
    "tilbod",
    "rutiner",
    "rutinar",
];

/// Rule `gap.avvik` for lists: lead-ins whose list gives the observations a finding rests on,
/// not the finding itself.
pub const OBSERVATION_LEADS: &[&str] = &[
    "bygger på",
    "byggjer på",
    "grunnlag",
    "observasjon",
    "følgende funn",
];

/// Rule `service.acronym`: words that make a phrase defined with a short form a unit (otherwise
/// it must begin with a capital): "underutvalg for rus og psykisk syke (UROP)", "regional seksjon
/// for spiseforstyrrelser (RASP)".
pub const ACRONYM_HEADS: &[&str] = &[
    "seksjon",
    "utvalg",
    "team",
    "enhet",
    "senter",
    "klinikk",
    "legevakt",
    "tjeneste",
    "avdeling",
    "kontor",
    "forum",
    "nettverk",
    "gruppe",
    "råd",
    "poliklinikk",
    "tilbud",
    "kompetansesenter",
    "prosjekt",
];
