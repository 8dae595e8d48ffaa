//! The codebook of gap categories: for each [`GapCategory`] a Norwegian and an English label, a
//! one-line definition, the Norwegian words that signal it, where it came from, and an example
//! quote with its source; exported as a table for coding by hand ([`csv()`]) and as a REFI-QDA
//! codebook ([`qdc()`]) that NVivo, ATLAS.ti and MAXQDA import (docs/CODEBOOK.md).
//!
//! Every example quote is verbatim and is checked by the tests against its source: one of the
//! bundled source documents (`data/sources/`) where a bundled report states such a gap, else the
//! hand-written tilsyn fixture `tests/fixtures/tilsyn/eikvik-2018.txt` (marked as such in
//! [`Example::document`]: an illustration in the genre's words, not a real report).
//!
//! # Where the old categories end and the new begin
//! [`Entry::origin`] says it: [`Origin::Design`] for the starting list of the design notes,
//! [`Origin::Seeds`] for those added while encoding the bundled audits, [`Origin::Tilsyn`] for
//! those added for tilsyn and national reports (issue 14). A record encoded before the tilsyn
//! categories existed may hold a tilsyn-category gap under an older word (`mapping_assessment`
//! for somatic health, `other` for a crisis plan); recode it with this table.
//!
//! # Example
//! ```
//! use samhandling::codebook;
//! use samhandling::taxonomy::GapCategory;
//!
//! let entry = codebook::entry(GapCategory::CrisisPlan);
//! assert_eq!(entry.origin, codebook::Origin::Tilsyn);
//! assert!(entry.definition.contains("crisis plan"));
//!
//! let mut table = Vec::new();
//! codebook::csv(&mut table)?;
//! let table = String::from_utf8(table).unwrap();
//! assert!(table.starts_with("category,norwegian,english,origin,definition,"));
//! assert!(table.contains("crisis_plan,kriseplan,crisis plan,tilsyn,"));
//! # Ok::<(), samhandling::Error>(())
//! ```

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::taxonomy::{GapCategory, ServiceKind, Vocabulary};

/// Where a category came from: the line between the old categories and the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The starting list of the project's design notes.
    Design,
    /// Added while encoding the bundled forvaltningsrevisjon reports (marked *Added* in
    /// [`GapCategory`]'s docs).
    Seeds,
    /// Added for tilsyn and national reports (issue 14): what the supervision template examines.
    Tilsyn,
}

impl Origin {
    /// The word used in the table: `design`, `seeds`, `tilsyn`.
    pub fn word(self) -> &'static str {
        match self {
            Origin::Design => "design",
            Origin::Seeds => "seeds",
            Origin::Tilsyn => "tilsyn",
        }
    }
}

/// An example quote: verbatim text that states a gap of the category, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The source file: a file name of `data/sources/`, or of `tests/fixtures/tilsyn/`.
    pub source: &'static str,
    /// The 1-based line where the quote begins.
    pub line: usize,
    /// The quote, verbatim (white space and line-end hyphenation aside, as for evidence).
    pub quote: &'static str,
    /// The document, in words: `Deloitte, Asker 2026`, or that it is the hand-written fixture.
    pub document: &'static str,
}

/// One category of the codebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The category; its labels are [`Vocabulary::norwegian`] and [`Vocabulary::english`].
    pub category: GapCategory,
    /// One line: what a gap of this category is.
    pub definition: &'static str,
    /// Norwegian words and phrases that signal the category in a report.
    pub cues: &'static str,
    /// Where the category came from.
    pub origin: Origin,
    /// An example quote.
    pub example: Example,
}

const FIXTURE: &str = "hand-written tilsyn fixture (tests/fixtures/tilsyn/), not a real report";
const ASKER: &str = "Deloitte, Asker 2026";
const VESTBY: &str = "Deloitte, Vestby 2025";
const ASNES: &str = "Hedmark Revisjon, Åsnes 2014";
const NES: &str = "Romerike revisjon, Nes 2025";

const fn ex(
    source: &'static str,
    line: usize,
    quote: &'static str,
    document: &'static str,
) -> Example {
    Example {
        source,
        line,
        quote,
        document,
    }
}

const A: &str = "004_a57f6f7e83a1f297.txt";
const V: &str = "003_252dfb343a51aa48.txt";
const S: &str = "002_e39181351e13a34f.txt";
const N: &str = "000_b1b178c2101948b1.txt";
const E: &str = "eikvik-2018.txt";

/// The codebook, one entry per [`GapCategory`], in the order of [`GapCategory::ALL`].
const ENTRIES: &[Entry] = &[
    Entry {
        category: GapCategory::ResponsibilityUnclear,
        definition: "Who is responsible for a task, a user group or a handover is not settled or not known.",
        cues: "uklar ansvarsfordeling, ansvar ikke tydelig fordelt, uklare roller, ikke avklart kven som har ansvaret",
        origin: Origin::Design,
        example: ex(
            A,
            518,
            "Deloitte vurderer at oppgaver og ansvar i tjenester til mennesker med ROP-lidelser ikke er tilstrekkelig tydelig fordelt i Asker kommune.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::NoFormalAgreement,
        definition: "A collaboration that should rest on a written agreement (samarbeidsavtale) has none.",
        cues: "ikke etablert samarbeidsavtale, ingen formell avtale, mangler avtale",
        origin: Origin::Design,
        example: ex(
            V,
            1690,
            "Det fremgår at det ikke er etablert samarbeidsavtaler eller -rutiner for samarbeid på ledernivå inn mot psykisk helse-området i kommunen.",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::NoRoutines,
        definition: "Written routines or procedures for a collaboration or a task are missing or not known.",
        cues: "mangler rutiner, ikke skriftlige rutiner, ingen prosedyre, rutinane manglar",
        origin: Origin::Design,
        example: ex(
            V,
            2737,
            "Det er ikke etablert rutiner for tverrfaglig samhandling",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::InformationSharing,
        definition: "Information about users or plans does not reach the services that need it.",
        cues: "informasjonsdeling, informasjonsflyt, informasjon blir ikke overført, deling av opplysninger",
        origin: Origin::Design,
        example: ex(
            A,
            661,
            "Undesøkelsen viser at det er behov for bedre informasjonsdeling mellom kommunen og spesialisthelsetjenestene",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::IndividualPlan,
        definition: "Users with a right to an individual plan (IP) are not offered one, or plans are not made or used.",
        cues: "individuell plan, IP, tilbud om individuell plan, rett til IP",
        origin: Origin::Design,
        example: ex(
            A,
            1006,
            "Undersøkelsen viser at det ikke går frem av relevante rutiner eller kartleggingsskjema til Velferdsforvaltningen at det skal informeres om IP",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Coordinator,
        definition: "Users who need one get no coordinator, or coordinators lack the mandate or training.",
        cues: "koordinator, ikke oppnevnt koordinator, opplæring og veiledning av koordinator",
        origin: Origin::Design,
        example: ex(
            A,
            998,
            "men at det ikke alltid formelt er oppnevnt en koordinator eller etablert en IP.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::CoordinatingUnit,
        definition: "The coordinating unit (koordinerende enhet, hol § 7-3) is missing, unknown or does not do its duties.",
        cues: "koordinerende enhet, KE, hol § 7-3",
        origin: Origin::Design,
        example: ex(
            S,
            5957,
            "Revisor vurderer at dette utgjør et avvik fra krav i helse- og omsorgstjenesteloven § 7-3.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Capacity,
        definition: "Too few staff, places or hours for the need: waiting times, pressure on a service.",
        cues: "kapasitet, ventetid, press på tjenestene, ressurser, bemanning",
        origin: Origin::Design,
        example: ex(
            S,
            6033,
            "Revisor merker seg at det et høyt og stigende press på tjenestene i ViTT",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Housing,
        definition: "Users lack suitable housing or follow-up in their home (bolig, booppfølging, midlertidig botilbud).",
        cues: "bolig, boligmangel, booppfølging, midlertidig botilbud, akuttbolig",
        origin: Origin::Design,
        example: ex(
            A,
            788,
            "Kommunen har særskilt utfordringer med å sikre tilstrekkelig boliger og booppfølging til denne brukergruppen.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Competence,
        definition: "Staff lack knowledge or skills the users' needs require, or access to them.",
        cues: "kompetanse, kompetanseheving, opplæring, mangler fagkompetanse",
        origin: Origin::Design,
        example: ex(
            S,
            4189,
            "som en svakhet at kommunen ikke har egen intern tilgang til den kompetanse som en psykolog har.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::UserInvolvement,
        definition: "Users do not take part in shaping their services, or their views are not sought (brukermedvirkning).",
        cues: "brukermedvirkning, brukerundersøkelse, brukarmedverknad, medvirke",
        origin: Origin::Design,
        example: ex(
            S,
            4797,
            "men det noteres som en mangel at det ikke gjennomført noen brukerundersøkelse hos den psykisk helse- og rustjeneste i løpet av de seneste år.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::NextOfKin,
        definition: "Next of kin, and users' children, are not mapped, involved or offered support.",
        cues: "pårørende, pårørande, barn som pårørende, pårørendearbeid",
        origin: Origin::Design,
        example: ex(
            A,
            1099,
            "Deloitte vurderer at Asker kommune ikke i tilstrekkelig grad sikrer at nære pårørende av brukere kartlegges med tanke på egne hjelpebehov.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::PlanningGovernance,
        definition: "Plans and goals for the field are missing, not implemented or not followed up by management.",
        cues: "planer, mål, styring, temaplan, ikke implementert, ikke fulgt opp",
        origin: Origin::Design,
        example: ex(
            A,
            398,
            "Deloitte vurderer at mål og planer innen psykisk helse- og rusarbeid i kommunen ikke er tilstrekkelig implementert og fulgt opp",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::MappingAssessment,
        definition: "Users' needs are not mapped or assessed systematically (kartlegging, utredning); for somatic health alone see somatic_health.",
        cues: "kartlegging, utredning, kartleggingsskjema, ikke kartlagt",
        origin: Origin::Design,
        example: ex(
            V,
            1296,
            "I stikkprøvekontrollen Deloitte har gjennomført, går det frem at det ikke er dokumentert bruk av kartleggingsskjema i noen av sakene som er gjennomgått.",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::SpecialistInterface,
        definition: "Collaboration with the specialist health service (DPS, TSB, hospital) fails: admission, discharge, referrals.",
        cues: "spesialisthelsetjenesten, DPS, utskrivning, innleggelse, inntakskrav, henvisning",
        origin: Origin::Design,
        example: ex(
            A,
            659,
            "kommunen opplever at spesialisthelsetjenesten har for snevre inntakskrav for ROP-brukere både i DPS og i FACT-teamet.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::PublicInformation,
        definition: "Residents lack accessible, up-to-date information about the services and how to get them.",
        cues: "informasjon til innbyggerne, hjemmeside, tilgjengelig informasjon",
        origin: Origin::Design,
        example: ex(
            S,
            6024,
            "Det er ikke oppdaterte husleiesatser for 2014 på kommunens hjemmeside",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::ReportingFollowup,
        definition: "Reporting to management or political bodies, or their follow-up of decisions, is late or missing.",
        cues: "rapportering, tilbakemelding til kontrollutvalget, oppfølging av vedtak",
        origin: Origin::Design,
        example: ex(
            N,
            791,
            "Første rapportering fra administrasjonen kom derfor et år senere enn forutsatt.",
            NES,
        ),
    },
    Entry {
        category: GapCategory::Safety,
        definition: "The safety of staff or users is not assessed or secured (violence risk, working alone).",
        cues: "sikkerhet, risikovurdering, alenearbeid, vold og trusler",
        origin: Origin::Design,
        example: ex(
            S,
            6051,
            "Revisor stiller spørsmål ved om det er foretatt risikovurdering for å ivareta de ansattes sikkerhet",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Outreach,
        definition: "Outreach or ambulant follow-up (oppsøkende, ambulant team) is missing or too little.",
        cues: "oppsøkende arbeid, ambulant oppfølging, oppsøkende team, ACT, FACT",
        origin: Origin::Design,
        example: ex(
            S,
            6013,
            "Åsnes kommune har ikke selv et aktivt oppsøkende behandlingsteam på gateplan.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::ActivityWork,
        definition: "Users lack suitable activity, day or work offers.",
        cues: "aktivitetstilbud, arbeidstilbud, arbeidsrettede tiltak, meningsfull aktivitet",
        origin: Origin::Design,
        example: ex(
            A,
            52,
            "Asker kommunen har også forbedringspunkt når det gjelder tilpassede aktivitets- og arbeidstilbud til brukere med ROP-lidelser.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::CultureSilo,
        definition: "Services work in isolation from each other: silo thinking, differing cultures.",
        cues: "silotenkning, sektorinndeling, jobber hver for seg, ulik kultur",
        origin: Origin::Design,
        example: ex(
            A,
            562,
            "Flere av de intervjuede lederne peker på at silotenkning og sektorinndeling i kommunen ofte hindrer effektivt samarbeid mellom tjenester",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::InternalControl,
        definition: "Internal control fails: routines not revised, deviations not reported, risks not assessed.",
        cues: "internkontroll, avvikssystem, risikovurdering, rutiner ikke revidert, forskrift om ledelse og kvalitetsforbedring",
        origin: Origin::Seeds,
        example: ex(
            V,
            1307,
            "Deloitte merker seg at flere av rutinene, skjema og retningslinjene for søknads- og samhandlingsenheten ikke er revidert på over 10 år",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::DecisionPractice,
        definition: "Case handling and formal decisions (vedtak) are missing, slow or lack criteria.",
        cues: "saksbehandling, vedtak, enkeltvedtak, tildelingskriterier",
        origin: Origin::Seeds,
        example: ex(
            S,
            3905,
            "På tilsvarende vis opererer tildelerenheten ikke med kriterier for tildelinger av tjenester.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::SystemCollaboration,
        definition: "Collaboration between services is not organised at system level (forums, structures), apart from agreements and routines.",
        cues: "samhandling på systemnivå, systematisk samarbeid, samarbeidsarenaer",
        origin: Origin::Seeds,
        example: ex(
            A,
            591,
            "Deloitte vurderer at kommunen ikke har etablert tilstrekkelig system og rutiner som sikrer systematisk samarbeid mellom kommunale tjenester",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::LowThreshold,
        definition: "Low-threshold services without a formal decision (lavterskeltilbud) are missing.",
        cues: "lavterskeltilbud, lavterskel, uten vedtak",
        origin: Origin::Seeds,
        example: ex(
            N,
            104,
            "etterlyses et lavterskeltilbud for denne gruppen.",
            NES,
        ),
    },
    Entry {
        category: GapCategory::Documentation,
        definition: "What was assessed, decided and done is not recorded in the journal (dokumentasjon og journalføring).",
        cues: "journalføring, dokumentasjon, ikke dokumentert, ikkje journalført, pasientjournal",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            44,
            "Vurderinger og beslutninger om tjenestetilbudet var ikke journalført",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::CrisisPlan,
        definition: "Users lack a crisis plan, or the plan is not known to those who must act on it.",
        cues: "kriseplan, kriseplanar, plan for kriser, varselsymptomer",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            40,
            "Kriseplan var utarbeidet for tre av tolv tjenestemottakere",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::Consent,
        definition: "Information is shared, or services given, without the user's consent being obtained or recorded.",
        cues: "samtykke, samtykkeerklæring, samtykt, taushetsplikt",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            42,
            "I fem journaler var det ikke dokumentert at tjenestemottakeren hadde samtykket til at opplysninger ble delt med NAV Eikvik og fastlegen.",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::IndividualCoordination,
        definition: "One person's services are not coordinated with each other, whatever the remedy (IP, coordinator, responsibility group).",
        cues: "samordning og koordinering av tjenester, koordinerte tenester, samordna, følger opp hver for seg",
        origin: Origin::Tilsyn,
        example: ex(
            A,
            60,
            "Asker kommune iverksetter ikke i tilstrekkelig grad tiltak for samordning og koordinering av tjenester for brukere med behov for langvarig og koordinerte tjenester.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::TreatmentAdequacy,
        definition: "The help given is not adequate to the assessed need: too little, or not sound (forsvarlig, hol § 4-1).",
        cues: "forsvarlig, ikke tilstrekkelig tilbud, færre samtaler enn vedtaket, hol § 4-1",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            62,
            "Tilbudet fra Psykisk helse- og rustjenesten var ikke tilstrekkelig til å dekke de behovene som var kartlagt",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::SomaticHealth,
        definition: "Users' physical health is not mapped or followed up, or who does it is not agreed with the GP.",
        cues: "somatisk helse, somatiske plager, fysisk helse, fastlegen, tannhelse",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            38,
            "Ingen av de tolv gjennomgåtte journalene viste at tjenestemottakerens somatiske helse var kartlagt",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::DailyLiving,
        definition: "Help with practical tasks and daily living (praktisk bistand, hol § 3-2 nr. 6 b) is not assessed or given.",
        cues: "praktisk bistand, praktiske gjøremål, dagliglivets gjøremål, heimehjelp, opplæring i dagliglivet",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            58,
            "Behovet for praktisk bistand i hjemmet var ikke vurdert for sju av tolv tjenestemottakere",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::FinancialHelp,
        definition: "NAV's information, advice and guidance on finances (stjl § 17) or financial assistance is not given.",
        cues: "økonomisk råd og veiledning, opplysning, råd og veiledning, økonomisk stønad, gjeld, sosialtjenesteloven § 17",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            60,
            "NAV Eikvik ga ikke opplysninger, råd og veiledning om økonomi til tjenestemottakere som hadde gjeld og ubetalte husleier.",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::ServiceEvaluation,
        definition: "Whether the services given work is not followed up or evaluated, and they are not adjusted.",
        cues: "evaluering, oppfølging og evaluering, justert etter behov, evaluere tiltak",
        origin: Origin::Tilsyn,
        example: ex(
            A,
            1185,
            "Samtidig vurderer Deloitte at det ikke er tilstrekkelig tydeliggjorte roller og ansvar i evalueringen av tjenestene til brukerne.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Other,
        definition: "None of the categories fits; say what the gap is about in its summary. Check this table first: other should be rare.",
        cues: "",
        origin: Origin::Design,
        example: ex(
            S,
            5073,
            "NAV kan være vanskelig å komme i kontakt med, og det er ofte bytte av saksbehandler.",
            ASNES,
        ),
    },
];

/// Every entry, in the order of [`GapCategory::ALL`].
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The entry of `category`.
pub fn entry(category: GapCategory) -> &'static Entry {
    ENTRIES
        .iter()
        .find(|e| e.category == category)
        .expect("the codebook has an entry for every category (checked by the tests)")
}

/// One row of the codebook table: each column defined once, here.
#[derive(Serialize)]
struct Row<'a> {
    category: &'a str,
    norwegian: &'a str,
    english: &'a str,
    origin: &'a str,
    definition: &'a str,
    cues: &'a str,
    example_quote: &'a str,
    example_source: &'a str,
    example_line: usize,
    example_document: &'a str,
}

/// Writes the codebook as CSV (UTF-8, comma-separated, a header row), one row per category in
/// the order of [`GapCategory::ALL`]: `category`, `norwegian`, `english`, `origin` (`design`,
/// `seeds`, `tilsyn`), `definition`, `cues`, `example_quote`, `example_source`, `example_line`,
/// `example_document`.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn csv<W: Write>(writer: W) -> Result<()> {
    let fail = |e: csv::Error| Error::Export {
        what: "codebook",
        message: e.to_string(),
    };
    let mut w = csv::Writer::from_writer(writer);
    for e in ENTRIES {
        w.serialize(Row {
            category: e.category.word(),
            norwegian: e.category.norwegian(),
            english: e.category.english(),
            origin: e.origin.word(),
            definition: e.definition,
            cues: e.cues,
            example_quote: e.example.quote,
            example_source: e.example.source,
            example_line: e.example.line,
            example_document: e.example.document,
        })
        .map_err(fail)?;
    }
    w.flush().map_err(|e| fail(e.into()))
}

/// The namespace of the codebook's name-based (v5) UUIDs: the same word always gets the same
/// GUID, so a re-imported codebook updates the codes a project already holds.
fn namespace() -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        b"https://crates.io/crates/samhandling/codebook",
    )
}

/// The GUID of a code: a v5 UUID of `group:word` (`gap_category:crisis_plan`,
/// `service_kind:nav`, `group:gap_category`). The `.qdc` writes it in upper case, as ATLAS.ti and
/// other REFI-QDA exporters do.
pub fn guid(group: &str, word: &str) -> Uuid {
    Uuid::new_v5(&namespace(), format!("{group}:{word}").as_bytes())
}

/// The colour of a code in CAQDAS tools: gap categories by origin, service kinds one colour.
fn colour(origin: Option<Origin>) -> &'static str {
    match origin {
        Some(Origin::Design) => "#1F77B4",
        Some(Origin::Seeds) => "#2CA02C",
        Some(Origin::Tilsyn) => "#FF7F0E",
        None => "#9467BD",
    }
}

struct Code {
    guid: Uuid,
    name: String,
    colour: &'static str,
    description: String,
}

fn gap_codes() -> Vec<Code> {
    ENTRIES
        .iter()
        .map(|e| Code {
            guid: guid("gap_category", e.category.word()),
            name: e.category.word().to_string(),
            colour: colour(Some(e.origin)),
            description: format!(
                "{} / {}. {} Cues: {}. Example ({}, {}:{}): \"{}\" Origin: {}.",
                e.category.norwegian(),
                e.category.english(),
                e.definition,
                if e.cues.is_empty() { "none" } else { e.cues },
                e.example.document,
                e.example.source,
                e.example.line,
                e.example.quote,
                e.origin.word()
            ),
        })
        .collect()
}

fn kind_codes() -> Vec<Code> {
    ServiceKind::ALL
        .iter()
        .map(|k| Code {
            guid: guid("service_kind", k.word()),
            name: k.word().to_string(),
            colour: colour(None),
            description: format!("{} / {}.", k.norwegian(), k.english()),
        })
        .collect()
}

/// Writes the codebook as a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`):
/// two code groups, each a parent code that is not codable, holding one codable code per gap
/// category and per service kind, and the same two groups as `Sets` (ATLAS.ti's code groups).
/// Each code has a stable `guid` (a v5 UUID of its word, [`guid`]), its JSON word as `name`, a
/// `color`, and a `Description` with the labels, definition, cues and example.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
///
/// # Example
/// ```
/// let mut xml = Vec::new();
/// samhandling::codebook::qdc(&mut xml)?;
/// let xml = String::from_utf8(xml).unwrap();
/// assert!(xml.contains(r#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0""#));
/// assert!(xml.contains(r#"name="crisis_plan" isCodable="true""#));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn qdc<W: Write>(writer: W) -> Result<()> {
    let groups = [
        (
            "gap_category",
            "gap categories",
            "Coordination gap categories of the samhandling report format (docs/CODEBOOK.md).",
            gap_codes(),
        ),
        (
            "service_kind",
            "service kinds",
            "Canonical kinds of services, units and actors of the samhandling report format.",
            kind_codes(),
        ),
    ];
    let mut w = Writer::new_with_indent(writer, b' ', 2);
    let origin = format!("samhandling {}", env!("CARGO_PKG_VERSION"));
    let written = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        w.create_element("CodeBook")
            .with_attribute(("xmlns", "urn:QDA-XML:codebook:1.0"))
            .with_attribute(("origin", origin.as_str()))
            .write_inner_content(|w| {
                w.create_element("Codes").write_inner_content(|w| {
                    for (group, name, description, codes) in &groups {
                        let parent = guid("group", group).hyphenated().to_string().to_uppercase();
                        w.create_element("Code")
                            .with_attribute(("guid", parent.as_str()))
                            .with_attribute(("name", *name))
                            .with_attribute(("isCodable", "false"))
                            .write_inner_content(|w| {
                                w.create_element("Description")
                                    .write_text_content(BytesText::new(description))?;
                                for code in codes {
                                    let id = code.guid.hyphenated().to_string().to_uppercase();
                                    w.create_element("Code")
                                        .with_attribute(("guid", id.as_str()))
                                        .with_attribute(("name", code.name.as_str()))
                                        .with_attribute(("isCodable", "true"))
                                        .with_attribute(("color", code.colour))
                                        .write_inner_content(|w| {
                                            w.create_element("Description").write_text_content(
                                                BytesText::new(&code.description),
                                            )?;
                                            Ok(())
                                        })?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
                w.create_element("Sets").write_inner_content(|w| {
                    for (group, name, description, codes) in &groups {
                        let set = guid("set", group).hyphenated().to_string().to_uppercase();
                        w.create_element("Set")
                            .with_attribute(("guid", set.as_str()))
                            .with_attribute(("name", *name))
                            .write_inner_content(|w| {
                                w.create_element("Description")
                                    .write_text_content(BytesText::new(description))?;
                                for code in codes {
                                    let id = code.guid.hyphenated().to_string().to_uppercase();
                                    w.create_element("MemberCode")
                                        .with_attribute(("targetGUID", id.as_str()))
                                        .write_empty()?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
        w.get_mut().write_all(b"\n")
    })();
    written.map_err(|e| Error::Export {
        what: "codebook (qdc)",
        message: e.to_string(),
    })
}
