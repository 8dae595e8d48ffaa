//! The reference model: the collaborations and functions the law expects of a municipality, each
//! with its legal ground and a criteria passage of a source document that states it, and the
//! check of a report against them.
//!
//! For each expectation a report is found to describe it as working, as strained, as missing, as
//! unclear, or not at all. "Not described" is a finding about the report, not about the
//! municipality: an audit may simply not have looked.
//!
//! # Example
//! ```
//! use samhandling::reference::{check, expectations, Finding};
//! use samhandling::Report;
//!
//! let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
//! let checks = check(&report);
//! assert_eq!(checks.len(), expectations().len());
//! assert!(checks.iter().all(|c| c.finding == Finding::NotDescribed));
//! # Ok::<(), samhandling::Error>(())
//! ```

use serde::Serialize;

use crate::LegalRef;
use crate::model::{Evidence, Report};
use crate::taxonomy::{GapCategory, RelationKind, ServiceKind, ServiceStatus, Severity, Status};

/// What an expectation asks of a municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    /// A relation between a service of one of the first kinds and one of the second kinds, of
    /// one of the relation kinds given (of any kind when none are given).
    Link(Vec<ServiceKind>, Vec<ServiceKind>, Vec<RelationKind>),
    /// A service of this kind.
    Service(ServiceKind),
    /// A practice (individual plans, coordinators), judged by the gaps of its category.
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
}

/// How a report describes an expectation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// Present and working (a functioning relation; an existing service; a practice with no
    /// current gap but a resolved one).
    Working,
    /// Described with problems (a strained or not followed relation; for a link no relation
    /// describes, a current gap that names services of both sides; a practice with gaps).
    Strained,
    /// Described as missing (a missing, refused or discontinued relation; a service the report
    /// says is lacking).
    Missing,
    /// Described, but planned or unclear.
    Unclear,
    /// Not described by the report.
    NotDescribed,
}

/// An expectation checked against one report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferenceCheck {
    /// The expectation's id.
    pub expectation: &'static str,
    /// What the report describes.
    pub finding: Finding,
    /// The report's relations, services or gaps that decide the finding, by id.
    pub items: Vec<String>,
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
            description: "The municipal service collaborates with the specialist services (DPS, TSB, FACT) where users need both.",
            expected: Expected::Link(
                vec![ServiceKind::PsykiskHelseRus],
                SPECIALIST.to_vec(),
                vec![],
            ),
            legal: legal("hol § 3-4"),
            evidence: vec![ev(
                ASKER,
                1479,
                "§ 3-4 i helse- og omsorgstjenesteloven slår fast at kommunen skal sikre at de kommunale helse- og omsorgstjenestene samarbeider med andre tjenesteytere",
            )],
        },
        Expectation {
            id: "gp-involvement",
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
            description: "Users with long-term, coordinated needs are offered a coordinator.",
            expected: Expected::Practice(GapCategory::Coordinator),
            legal: legal("hol § 7-2"),
            evidence: vec![ev(ASNES, 7043, "Helse- og omsorgstjenesteloven § 7-2")],
        },
        Expectation {
            id: "housing",
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

/// Every expectation of [`expectations`] checked against `report`, in the model's order.
///
/// # Complexity
/// O(e · (r + s + g)) for e expectations and the report's r relations, s services, g gaps.
pub fn check(report: &Report) -> Vec<ReferenceCheck> {
    expectations()
        .into_iter()
        .map(|e| {
            let (finding, items) = match &e.expected {
                Expected::Link(a, b, kinds) => link(report, a, b, kinds),
                Expected::Service(kind) => service(report, *kind),
                Expected::Practice(category) => practice(report, *category),
            };
            ReferenceCheck {
                expectation: e.id,
                finding,
                items,
            }
        })
        .collect()
}

fn link(
    report: &Report,
    a: &[ServiceKind],
    b: &[ServiceKind],
    kinds: &[RelationKind],
) -> (Finding, Vec<String>) {
    let kind = |id: &str| report.service(id).map(|s| s.resolved_kind());
    let matching: Vec<_> = report
        .relations
        .iter()
        .filter(|r| kinds.is_empty() || r.kinds.iter().any(|k| kinds.contains(k)))
        .filter(|r| match (kind(r.from.as_str()), kind(r.to.as_str())) {
            (Some(x), Some(y)) => {
                (a.contains(&x) && b.contains(&y)) || (a.contains(&y) && b.contains(&x))
            }
            _ => false,
        })
        .collect();
    let finding = |s: Status| match s {
        Status::Functioning => Finding::Working,
        Status::Strained | Status::NotFollowed => Finding::Strained,
        Status::Missing | Status::Refused | Status::Discontinued => Finding::Missing,
        // Described relations exist but are not judged: not evidence that collaboration works.
        Status::Unclear | Status::Planned | Status::Described => Finding::Unclear,
    };
    if let Some(best) = matching.iter().map(|r| finding(r.status)).min() {
        return (best, matching.iter().map(|r| r.id.clone()).collect());
    }
    // No relation described: a current gap naming services of both sides describes the link as
    // strained.
    let gaps: Vec<String> = report
        .gaps
        .iter()
        .filter(|g| g.severity != Severity::Resolved)
        .filter(|g| {
            let kinds: Vec<ServiceKind> = g
                .services
                .iter()
                .filter_map(|id| kind(id.as_str()))
                .collect();
            kinds.iter().any(|k| a.contains(k)) && kinds.iter().any(|k| b.contains(k))
        })
        .map(|g| g.id.clone())
        .collect();
    if gaps.is_empty() {
        (Finding::NotDescribed, Vec::new())
    } else {
        (Finding::Strained, gaps)
    }
}

fn service(report: &Report, kind: ServiceKind) -> (Finding, Vec<String>) {
    let of_kind: Vec<_> = report
        .services
        .iter()
        .filter(|s| s.resolved_kind() == kind)
        .collect();
    let finding = if of_kind.iter().any(|s| s.status == ServiceStatus::Existing) {
        Finding::Working
    } else if of_kind.iter().any(|s| s.status == ServiceStatus::Planned) {
        Finding::Unclear
    } else if of_kind.is_empty() {
        Finding::NotDescribed
    } else {
        Finding::Missing
    };
    (finding, of_kind.iter().map(|s| s.id.to_string()).collect())
}

fn practice(report: &Report, category: GapCategory) -> (Finding, Vec<String>) {
    let gaps: Vec<_> = report
        .gaps
        .iter()
        .filter(|g| g.category == category)
        .collect();
    let finding = if gaps.iter().any(|g| g.severity != Severity::Resolved) {
        Finding::Strained
    } else if gaps.is_empty() {
        Finding::NotDescribed
    } else {
        Finding::Working
    };
    (finding, gaps.iter().map(|g| g.id.clone()).collect())
}
