//! The reference model: the collaborations and functions the law expects of a municipality, each
//! with its legal ground and a criteria passage of a source document that states it, and the
//! check of a report against them.
//!
//! For each expectation the check lists **everything in the record that concerns it** (its
//! [`Basis`]: relations, shared forums, shared organisational units, gaps, services and the
//! auditor's conclusions, each with its status and evidence) and then applies one rule.
//!
//! # The rule
//! Each item of the basis counts as one of [`Weight`]:
//! - **working**: a `functioning` relation; a resolved gap; a conclusion `fulfilled` or
//!   `largely_fulfilled` on an audit question that names the practice;
//! - **problem**: a `strained`, `not_followed`, `missing` or `refused` relation; a current gap; a
//!   service the report says is missing; a conclusion `not_fulfilled`;
//! - a conclusion `partly` counts as both;
//! - **exists**: a `described` relation (the report states it exists and does not judge it); a
//!   shared forum (both sides are members of one team or leader group); a shared organisational
//!   unit (both sides under one `parent`); an existing service; a `descriptive` conclusion. These
//!   show that the collaboration or function exists; none is evidence that it works;
//! - **absent**: a `discontinued` relation or service: never listed as working;
//! - **unclear**: an `unclear` or `planned` relation or service.
//!
//! The finding is then, in order: [`Finding::WorkingAndStrained`] when there is both a working
//! item and a problem (a stated problem is never hidden by a working relation; the basis line
//! says "working at system level, strained in individual cases" when the levels split so);
//! [`Finding::Missing`] when the problems are only missing relations or services and nothing
//! works; [`Finding::Strained`] for other problems; [`Finding::Working`]; [`Finding::Described`]
//! when something exists and nothing judges it; [`Finding::Missing`] for only discontinued items;
//! [`Finding::Unclear`]; and [`Finding::NotDescribed`] only when nothing in the record concerns
//! the expectation. "Not described" is a finding about the report, not about the municipality: an
//! audit may simply not have looked.
//!
//! An expectation narrower than a service kind names its words ([`Expectation::terms`]): an item
//! concerns temporary accommodation only if its name, summary or evidence says `midlertidig` (or
//! a like word), not because NAV and a housing service are linked.
//!
//! # Example
//! ```
//! use samhandling::reference::{check, expectations, Finding};
//! use samhandling::Report;
//!
//! let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
//! let checks = check(&report);
//! assert_eq!(checks.len(), expectations().len());
//! assert!(checks.iter().all(|c| c.finding == Finding::NotDescribed));
//! # Ok::<(), samhandling::Error>(())
//! ```

mod check;

use serde::Serialize;

use crate::LegalRef;
use crate::model::Evidence;
use crate::taxonomy::{GapCategory, Level, RelationKind, ServiceKind};

pub use check::check;

/// What an expectation asks of a municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A relation between a service of one of the first kinds and one of the second kinds, of
    /// one of the relation kinds given (of any kind when none are given).
    Link(Vec<ServiceKind>, Vec<ServiceKind>, Vec<RelationKind>),
    /// A service of this kind.
    Service(ServiceKind),
    /// A practice (individual plans, coordinators), judged by the gaps of its category and the
    /// auditor's conclusions on audit questions that name it (by [`Expectation::terms`]).
    Practice(GapCategory),
}

/// One collaboration or function the law expects, with its legal ground and where a source
/// document states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expectation {
    /// A short id: `hospital-agreement`.
    pub id: &'static str,
    /// What is expected, in a sentence.
    pub description: &'static str,
    /// What to look for in a report.
    pub expected: Expected,
    /// The legal ground.
    pub legal: LegalRef,
    /// Criteria passages of the source documents that state the duty.
    pub evidence: Vec<Evidence>,
    /// For a link or service narrower than its kinds: words (lower case) one of which an item's
    /// name, summary or evidence must contain to concern it. For a practice: words that name it
    /// in an audit question. Empty: every item of the kinds concerns it.
    pub terms: Vec<&'static str>,
    /// Gap categories that concern the expectation beside the gaps that name its services.
    pub categories: Vec<GapCategory>,
}

/// How a report describes an expectation (see the [module docs](self) for the rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Stated to work (a functioning relation, a resolved gap, a fulfilled conclusion), and no
    /// problem stated.
    Working,
    /// Stated to work in part and stated to have problems: both are printed, neither hides the
    /// other.
    WorkingAndStrained,
    /// Stated problems (a strained or not followed relation, a current gap, a conclusion not
    /// fulfilled) and nothing stated to work.
    Strained,
    /// The report states that it exists (a described relation, a shared forum or unit, an
    /// existing service) and does not judge how it works.
    Described,
    /// Stated missing, refused or discontinued, and nothing else.
    Missing,
    /// Described, but planned or unclear.
    Unclear,
    /// Nothing in the record concerns it.
    NotDescribed,
}

impl Finding {
    /// The finding as a word for tables: `working`, `working_and_strained`, `not_described` ...
    pub fn word(self) -> &'static str {
        match self {
            Finding::Working => "working",
            Finding::WorkingAndStrained => "working_and_strained",
            Finding::Strained => "strained",
            Finding::Described => "described",
            Finding::Missing => "missing",
            Finding::Unclear => "unclear",
            Finding::NotDescribed => "not_described",
        }
    }
}

/// What an item of a [`Basis`] counts as under the rule of the [module docs](self).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Stated to work.
    Working,
    /// A stated problem.
    Problem,
    /// A conclusion `partly`: working and problem at once.
    Partly,
    /// A relation or service stated missing or refused.
    Missing,
    /// Exists, not judged.
    Exists,
    /// Discontinued.
    Absent,
    /// Planned or unclear.
    Unclear,
}

/// What kind of record item a [`Basis`] entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BasisKind {
    /// A relation between services of the two sides.
    Relation,
    /// A team or leader group both sides are members of (by `team_membership` relations).
    SharedForum,
    /// An organisational unit both sides belong to (by `parent`).
    SharedUnit,
    /// A gap.
    Gap,
    /// A service.
    Service,
    /// The auditor's conclusion on an audit question that names the practice.
    Conclusion,
}

/// One item of the record that concerns an expectation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Basis {
    /// What kind of item it is.
    pub what: BasisKind,
    /// Its id in the record (for a shared forum or unit: the forum's or unit's service id).
    pub id: String,
    /// Its status as the record codes it: a relation's status, a gap's severity, a service's
    /// status, a conclusion's verdict.
    pub status: String,
    /// What it counts as.
    pub weight: Weight,
    /// The level, for a relation.
    pub level: Option<Level>,
    /// What it says, in a line.
    pub summary: String,
    /// Where the record states it.
    pub evidence: Vec<Evidence>,
}

/// An expectation checked against one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceCheck {
    /// The expectation's id.
    pub expectation: &'static str,
    /// What the report describes.
    pub finding: Finding,
    /// The ids of every item of the basis, in the basis's order.
    pub items: Vec<String>,
    /// Every item of the record that concerns the expectation, by kind, then id.
    pub basis: Vec<Basis>,
    /// The finding's ground in words: which items decided it, and how.
    pub reason: String,
}

fn ev(source: &str, line: usize, quote: &str) -> Evidence {
    Evidence {
        source: source.to_string(),
        line,
        quote: quote.to_string(),
    }
}

const ASNES: &str = "002_e39181351e13a34f.txt";
const ASKER: &str = "004_a57f6f7e83a1f297.txt";
const SPECIALIST: [ServiceKind; 5] = [
    ServiceKind::Dps,
    ServiceKind::Ara,
    ServiceKind::Sykehus,
    ServiceKind::Fact,
    ServiceKind::Act,
];
/// Words that say an item concerns temporary accommodation (sosialtjenesteloven § 27).
const TEMPORARY: [&str; 5] = [
    "midlertidig",
    "akuttbolig",
    "krisebolig",
    "hospits",
    "temporary",
];
const MUNICIPAL_HEALTH: [ServiceKind; 3] = [
    ServiceKind::PsykiskHelseRus,
    ServiceKind::Tildelingskontor,
    ServiceKind::Kommune,
];

/// The reference model: what the law expects, in a fixed order. Each entry's evidence is checked
/// against the source documents by the crate's tests.
pub fn expectations() -> Vec<Expectation> {
    let legal = |s: &str| {
        s.parse::<LegalRef>()
            .expect("the reference model's legal references parse")
    };
    vec![
        Expectation {
            id: "nav-collaboration",
            terms: vec![],
            categories: vec![],
            description: "The municipal mental-health and substance-use service collaborates with NAV.",
            expected: Expected::Link(
                vec![ServiceKind::PsykiskHelseRus],
                vec![ServiceKind::Nav],
                vec![],
            ),
            legal: legal("lov om sosiale tjenester i NAV § 13"),
            evidence: vec![ev(
                ASNES,
                7603,
                "Helse- og omsorgstjenesteloven § 3-4, spesialisthelsetjenesteloven § 2-1 e, lov om sosiale tjenester i NAV § 13",
            )],
        },
        Expectation {
            id: "hospital-agreement",
            terms: vec![],
            categories: vec![GapCategory::NoFormalAgreement],
            description: "The municipality has a collaboration agreement with the hospital trust.",
            expected: Expected::Link(
                MUNICIPAL_HEALTH.to_vec(),
                SPECIALIST.to_vec(),
                vec![RelationKind::Agreement],
            ),
            legal: legal("hol § 6-1"),
            evidence: vec![ev(
                ASKER,
                1483,
                "Kommunen skal inngå samarbeidsavtale med det regionale helseforetaket i regionen",
            )],
        },
        Expectation {
            id: "specialist-collaboration",
            terms: vec![],
            categories: vec![GapCategory::SpecialistInterface],
            description: "The municipal service collaborates with the specialist services (DPS, TSB, FACT) where users need both.",
            // The municipality as a party (`kommune`) and the allocation office hold many of
            // the specialist links in the records (agreements, discharge).
            expected: Expected::Link(MUNICIPAL_HEALTH.to_vec(), SPECIALIST.to_vec(), vec![]),
            legal: legal("hol § 3-4"),
            evidence: vec![ev(
                ASKER,
                1479,
                "§ 3-4 i helse- og omsorgstjenesteloven slår fast at kommunen skal sikre at de kommunale helse- og omsorgstjenestene samarbeider med andre tjenesteytere",
            )],
        },
        Expectation {
            id: "gp-involvement",
            terms: vec![],
            categories: vec![],
            description: "The municipal service works together with the regular GP.",
            expected: Expected::Link(
                vec![ServiceKind::PsykiskHelseRus, ServiceKind::Kommuneoverlege],
                vec![ServiceKind::Fastlege],
                vec![],
            ),
            legal: legal("hol § 3-4"),
            evidence: vec![
                ev(
                    ASKER,
                    1505,
                    "Tjenestene tilbys sammen med fastlegen, spesialisthelsetjenesten, andre relevante aktører og brukeren eller pasienten selv.",
                ),
                ev(
                    ASKER,
                    1479,
                    "§ 3-4 i helse- og omsorgstjenesteloven slår fast at kommunen skal sikre at de kommunale helse- og omsorgstjenestene samarbeider med andre tjenesteytere",
                ),
            ],
        },
        Expectation {
            id: "coordinating-unit",
            terms: vec![],
            categories: vec![GapCategory::CoordinatingUnit],
            description: "The municipality has a coordinating unit with overall responsibility for individual plans and coordinators.",
            expected: Expected::Service(ServiceKind::KoordinerendeEnhet),
            legal: legal("hol § 7-3"),
            evidence: vec![ev(
                ASKER,
                1555,
                "I henhold til helse- og omsorgstjenesteloven § 7-3 skal kommunen ha en koordinerende enhet som",
            )],
        },
        Expectation {
            id: "individual-plan",
            terms: vec!["individuell plan", "individuelle planer"],
            categories: vec![],
            description: "Users with long-term, coordinated needs are offered an individual plan.",
            expected: Expected::Practice(GapCategory::IndividualPlan),
            legal: legal("hol § 7-1"),
            evidence: vec![ev(
                ASKER,
                1565,
                "I §7-1 i helse- og omsorgstjenesteloven går det fram at kommunen skal utarbeide en individuell plan for pasienter og brukere med behov for langvarige og koordinerte tjenester.",
            )],
        },
        Expectation {
            id: "coordinator",
            terms: vec!["koordinator"],
            categories: vec![],
            description: "Users with long-term, coordinated needs are offered a coordinator.",
            expected: Expected::Practice(GapCategory::Coordinator),
            legal: legal("hol § 7-2"),
            evidence: vec![ev(ASNES, 7043, "Helse- og omsorgstjenesteloven § 7-2")],
        },
        Expectation {
            id: "housing",
            terms: vec![],
            categories: vec![GapCategory::Housing],
            description: "The municipality assists the disadvantaged on the housing market.",
            expected: Expected::Service(ServiceKind::Bolig),
            legal: legal("sosialtjenesteloven § 15"),
            evidence: vec![ev(
                ASKER,
                436,
                "- bistå vanskeligstilte på boligmarkedet (jf. sosialtjenesteloven § 15).",
            )],
        },
        Expectation {
            id: "temporary-accommodation",
            terms: TEMPORARY.to_vec(),
            categories: vec![],
            description: "NAV finds temporary accommodation for those who cannot themselves.",
            expected: Expected::Link(vec![ServiceKind::Nav], vec![ServiceKind::Bolig], vec![]),
            legal: legal("sosialtjenesteloven § 27"),
            evidence: vec![ev(
                ASKER,
                438,
                "- finne midlertidig botilbud for brukere som ikke klarer dette selv (jf. §27 sosialtjenesteloven).",
            )],
        },
    ]
}
