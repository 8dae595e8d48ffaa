//! The report model: one [`Report`] per audit document, holding its audit questions, criteria,
//! services, relations, gaps, recommendations, conclusions, council decisions, follow-up items
//! and figures, each with the [`Evidence`] that makes it citable.
//!
//! These are plain data types with public fields, read from and written to the JSON format
//! described in `docs/FORMAT.md`. Unknown fields are rejected when reading, so a typo is an
//! error, never a silently dropped value. The model depends on nothing else in the crate but the
//! vocabularies of [`crate::taxonomy`] and [`crate::LegalRef`].

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::legal::LegalRef;
use crate::taxonomy::{
    Direction, FindingTerm, FollowUpStatus, GapCategory, Genre, Level, Owner, RelationKind, Scope,
    ServiceKind, ServiceStatus, Severity, StatedIn, Status, Verdict,
};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A report's id: municipality (or region) and year, such as `vestby-2025`.
    ReportId
);
id_type!(
    /// A service's id, unique within its report, such as `nav` or `dps-kongsvinger`.
    ServiceId
);

/// Where an item is stated: a source document, a 1-based line, and a verbatim quote.
///
/// The quote must occur in the source document starting within
/// [`crate::evidence::LINE_TOLERANCE`] lines of `line`; runs of white space and line-end
/// hyphenation may differ. [`crate::evidence::check_report`] verifies it.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The source document's file name, as in `data/sources/` (`003_252dfb343a51aa48.txt`).
    pub source: String,
    /// The 1-based line where the quote begins.
    pub line: usize,
    /// Verbatim text from the source.
    pub quote: String,
}

/// One audit report, follow-up study, comparison note or supervision report, as data.
///
/// # Example
/// ```
/// use samhandling::Report;
///
/// let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
/// assert_eq!(report.id.as_str(), "eksempel-2025");
/// assert!(report.gaps.iter().all(|g| !g.evidence.is_empty()));
/// # Ok::<(), samhandling::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Municipality (or region) and year: `vestby-2025`.
    pub id: ReportId,
    /// The document's title; `null` when the source text does not state it (say so in `note`).
    /// The key is required, so a missing title is a choice, never an omission.
    #[serde(deserialize_with = "required")]
    #[schemars(required, extend("type" = ["string", "null"]))]
    pub title: Option<String>,
    /// What the report covers: municipalities (the default), city districts, a region, or the
    /// whole country.
    #[serde(default, skip_serializing_if = "is_default")]
    pub scope: Scope,
    /// The municipalities the report covers; for a district report, the city; may be empty only
    /// for a national report.
    pub municipalities: Vec<String>,
    /// The city districts (bydeler) a district report covers: `Bydel Frogner`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<String>,
    /// Who wrote it: `Deloitte AS`, `Romerike revisjon IKS`, `Fylkesmannen i Agder`; `null` when
    /// the source text does not state it.
    #[serde(deserialize_with = "required")]
    #[schemars(required, extend("type" = ["string", "null"]))]
    pub auditor: Option<String>,
    /// The year of publication; `null` when the source text does not state it.
    #[serde(deserialize_with = "required")]
    #[schemars(required, extend("type" = ["integer", "null"]))]
    pub year: Option<u16>,
    /// The date of publication as `YYYY-MM-DD` or `YYYY-MM`, when the document states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What kind of document it is.
    pub genre: Genre,
    /// Who ordered it: `Kontrollutvalget i Vestby kommune`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioned_by: Option<String>,
    /// The methods the report names: document review, interviews, survey ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// The id of the earlier report this one follows up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows_up: Option<ReportId>,
    /// The record whose source document this record's content is taken from, when it is not a
    /// primary report: `nes-2018` holds what the 2025 follow-up (`nes-2025`) says of the 2018
    /// audit; the four 2015 municipal records hold what the comparison note (`romerike-2015`)
    /// says of each municipality. Comparisons count such a record only where its municipality
    /// has no primary report, and never score it against its source. The named record need not
    /// be loaded with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<ReportId>,
    /// Present on a machine-made draft (`samhandling draft`): which tool and rules made it. A
    /// reviewed record has none; remove it when the review is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// The issuer closed the case ("Tilsynet er avslutta"), when the report says so.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_object"
    )]
    pub closed: Option<Closure>,
    /// Where the title, auditor and date are stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text: ambiguities, what was left out and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The audit questions (problemstillinger).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub questions: Vec<Question>,
    /// The audit criteria (revisjonskriterier).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub criteria: Vec<Criterion>,
    /// Services, units and actors: the nodes of the service graph.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub services: Vec<Service>,
    /// Samhandling between services: the edges of the service graph.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub relations: Vec<Relation>,
    /// Coordination gaps the report states.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub gaps: Vec<Gap>,
    /// The auditor's recommendations, numbered as in the report.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub recommendations: Vec<Recommendation>,
    /// Conclusions on the audit questions.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub conclusions: Vec<Conclusion>,
    /// Points of a political decision about the report (kommunestyrevedtak).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub decisions: Vec<Decision>,
    /// In a follow-up: the status now of items of the earlier report.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub follow_ups: Vec<FollowUp>,
    /// Notable figures: survey tables, counts, waiting times, staffing.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "objects"
    )]
    pub figures: Vec<Figure>,
}

/// The issuer's closing of a case: a tilsyn is closed ("avsluttet") once the breaches are
/// corrected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closure {
    /// The date it was closed, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the closing is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An audit question (problemstilling).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within the report: `q1`, `q1.2`.
    pub id: String,
    /// The number as in the report: `1`, `1.2`.
    pub number: String,
    /// The question.
    pub text: String,
    /// The id of the main question this is a sub-question of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An audit criterion (revisjonskriterium): a requirement practice is measured against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique within the report: `c-ip`, `c7`.
    pub id: String,
    /// The requirement, in the report's words or a close summary.
    pub text: String,
    /// The legal grounds cited, parsed (`hol § 7-1`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal: Vec<LegalRef>,
    /// The audit question(s) the criterion belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A service, unit or actor: a node of the service graph.
///
/// `name` is the local name the report uses; `kind` the canonical kind. When `kind` is absent it
/// is looked up in the alias lexicon ([`ServiceKind::from_local_name`]); a stated kind always wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Unique within the report: `nav`, `dps-kongsvinger`.
    pub id: ServiceId,
    /// The local name: `Tjenestekontoret`, `DPS Kongsvinger`.
    pub name: String,
    /// The canonical kind; looked up from `name` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ServiceKind>,
    /// Who runs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// The id of the unit it belongs to (a team of a department).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ServiceId>,
    /// Whether it exists; `missing` for a service the report says is lacking.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ServiceStatus,
    /// Other names the report uses for it (`KE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where it is named or described.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Gap {
    /// False when the record marks the gap as stated only in the findings or in the
    /// municipality's response; true when the auditor's assessment states it, or when the record
    /// does not say (so that records encoded before `stated_in` are not left out).
    pub fn is_assessed(&self) -> bool {
        !matches!(
            self.stated_in,
            Some(StatedIn::Findings | StatedIn::Response)
        )
    }
}

impl Service {
    /// The stated kind, else the alias lexicon's guess from the name or, failing that, from the
    /// first of its `aliases` the lexicon knows ([`ServiceKind::from_names`]), else
    /// [`ServiceKind::Other`].
    pub fn resolved_kind(&self) -> ServiceKind {
        self.kind
            .or_else(|| {
                ServiceKind::from_names(&self.name, self.aliases.iter().map(String::as_str))
            })
            .unwrap_or(ServiceKind::Other)
    }
}

/// Deserialises an `Option` whose key must be present: `null` is a statement ("not stated in
/// the source"), a missing key an omission.
fn required<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::deserialize(d)
}

/// Reads a struct only from a JSON object. serde's derive also reads a struct from a list, by
/// position (`"cadence": ["one year late", "spring 2019"]` would swap what is required and what
/// happens); a record never means that, so a list is an error naming its path.
fn object<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Visitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object (`{...}` with named fields)")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_map(Visitor(std::marker::PhantomData))
}

/// A struct read only from a JSON object ([`object`]): list items, optional fields, and a whole
/// record.
pub(crate) struct Object<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object(d).map(Object)
    }
}

/// [`object`] for an optional field.
fn optional_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Object<T>>::deserialize(d)?.map(|o| o.0))
}

/// [`object`] for each item of a list.
fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Vec::<Object<T>>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// How often a routine or meeting should happen and how often it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    /// What the routine or agreement requires: `monthly`, `every six months`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<String>,
    /// What happens in practice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
}

/// Samhandling between two services: an edge of the service graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Unique within the report: `r-nav-dps`.
    pub id: String,
    /// One party; the sender when `direction` is `directed`.
    pub from: ServiceId,
    /// The other party; the receiver when `direction` is `directed`.
    pub to: ServiceId,
    /// What the relation consists of; at least one.
    pub kinds: Vec<RelationKind>,
    /// Directed (a referral from A to B) or mutual (a meeting).
    pub direction: Direction,
    /// System or individual level.
    pub level: Level,
    /// How it works, as described.
    pub status: Status,
    /// Required and actual frequency, where the report gives them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "optional_object"
    )]
    pub cadence: Option<Cadence>,
    /// One line on what the report says of it.
    pub summary: String,
    /// Where it is described.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A coordination gap the report states.
///
/// A gap may concern a relation (`relations`), services (`services`; a missing service is a
/// service with status `missing`), or the system as a whole (neither).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Unique within the report: `g-ip-low`.
    pub id: String,
    /// What the gap is about.
    pub category: GapCategory,
    /// How serious it is, on the canonical scale used for comparison.
    pub severity: Severity,
    /// The report's own word for the finding (`lovbrudd`, `avvik`, `merknad`, `sterk_kritikk`
    /// ...), when it uses one; `severity` must be the one [`FindingTerm::severity`] maps it to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<FindingTerm>,
    /// Where the report states it: the auditor's assessment, the findings, or the municipality's
    /// response; `None` when the record does not say. To compare only the auditors' verdicts,
    /// see [`Gap::is_assessed`] and [`crate::Corpus::with_gaps`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_in: Option<StatedIn>,
    /// One line: what is lacking.
    pub summary: String,
    /// The services involved; empty for a system-wide gap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceId>,
    /// The relations the gap concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<String>,
    /// The criteria it breaches (ids of `criteria`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
    /// The legal grounds, where the report names them for this gap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal: Vec<LegalRef>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A recommendation, numbered as in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// Unique within the report: `rec-8a`.
    pub id: String,
    /// The number as printed: `8`, `8a`; unique within the report.
    pub number: String,
    /// The recommendation's text.
    pub text: String,
    /// The gaps it addresses (ids of `gaps`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<String>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The auditor's conclusion on an audit question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    /// Unique within the report: `k1`.
    pub id: String,
    /// The question it answers (id of `questions`).
    pub question: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The conclusion in one or two lines.
    pub summary: String,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One point of a political decision about the report (kommunestyrevedtak), such as the three
/// points of Nes's sak 103/18.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Unique within the report: `sak103-1`.
    pub id: String,
    /// The body that decided: `kommunestyret`.
    pub body: String,
    /// The case reference: `sak 103/18`.
    pub case: String,
    /// The date of the decision, `YYYY-MM-DD`, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The point's number in the decision.
    pub number: String,
    /// What was decided.
    pub text: String,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An item of another report, named by report id and item id.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// The report.
    pub report: ReportId,
    /// The id of a gap, recommendation, decision or conclusion of that report.
    pub item: String,
}

/// In a follow-up: the status now of an item of the earlier report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Unique within the report: `fu-rec-1`.
    pub id: String,
    /// The earlier item.
    #[serde(deserialize_with = "object")]
    pub of: ItemRef,
    /// Its status now.
    pub status: FollowUpStatus,
    /// What the follow-up says of it.
    pub summary: String,
    /// Gaps of this report that persist or replace the earlier item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<String>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A notable figure: a value or a range, with what it counts.
///
/// Values keep the number exactly as written ([`FigureNumber`]), so a record round-trips
/// unchanged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Unique within the report: `f-ip-2024`.
    pub id: String,
    /// What it counts: `users with an individual plan`.
    pub counts: String,
    /// The value, or the low end of a range.
    pub value: FigureNumber,
    /// The high end, when the report gives a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<FigureNumber>,
    /// The unit: `persons`, `percent`, `days`, `årsverk`.
    pub unit: String,
    /// The number a share is taken of, when the report gives it (N respondents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<FigureNumber>,
    /// The period or date it refers to: `2024`, `2013-2014`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The services it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceId>,
    /// Where it is stated.
    #[serde(deserialize_with = "objects")]
    pub evidence: Vec<Evidence>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A number exactly as the record writes it: `12.50` stays `12.50`, `1e3` stays `1e3`, a
/// 30-digit count keeps every digit. Two numbers are equal when they are written the same.
///
/// # Example
/// ```
/// use samhandling::model::FigureNumber;
///
/// let n: FigureNumber = "12.50".parse()?;
/// assert_eq!(n.as_str(), "12.50");
/// assert_eq!(n.as_f64(), Some(12.5));
/// assert!("twelve".parse::<FigureNumber>().is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone)]
pub struct FigureNumber(Box<serde_json::value::RawValue>);

impl FigureNumber {
    /// The number as written.
    pub fn as_str(&self) -> &str {
        self.0.get()
    }

    /// The number as a float, when it is within `f64`'s range.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_str().parse::<f64>().ok().filter(|x| x.is_finite())
    }

    /// A number of JSON: an optional `-`, digits, an optional fraction and exponent.
    fn check(raw: Box<serde_json::value::RawValue>) -> Result<FigureNumber, String> {
        let text = raw.get();
        let first = text.chars().next();
        let number = first.is_some_and(|c| c == '-' || c.is_ascii_digit())
            && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        if number {
            Ok(FigureNumber(raw))
        } else {
            Err(format!(
                "expected a number such as 12 or 12.5, found {text:.40}"
            ))
        }
    }
}

impl PartialEq for FigureNumber {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FigureNumber {}

impl fmt::Display for FigureNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for FigureNumber {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let raw = serde_json::value::RawValue::from_string(s.trim().to_string())
            .map_err(|e| format!("`{s:.40}` is not a number: {e}"))?;
        FigureNumber::check(raw)
    }
}

impl Serialize for FigureNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for FigureNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        FigureNumber::check(raw).map_err(serde::de::Error::custom)
    }
}

impl Report {
    /// The service with id `id`.
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.as_str() == id)
    }

    /// True for a primary report: one whose content is not taken from another record's source
    /// (see [`Report::derived_from`]).
    pub fn is_primary(&self) -> bool {
        self.derived_from.is_none()
    }

    /// The title, or `(no title stated)`.
    pub fn title_or_unstated(&self) -> &str {
        self.title.as_deref().unwrap_or("(no title stated)")
    }

    /// The gap with id `id`.
    pub fn gap(&self, id: &str) -> Option<&Gap> {
        self.gaps.iter().find(|g| g.id == id)
    }
}

impl JsonSchema for FigureNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FigureNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "A number, kept exactly as written (`12.50` stays `12.50`)."
        })
    }
}
