//! [`Report::specimen`]: a report with every field filled in, the shape that loading
//! ([`crate::shape`]) checks records against.

use crate::legal::LegalRef;
use crate::model::{
    Cadence, Closure, Conclusion, Criterion, Decision, Evidence, Figure, FollowUp, Gap, ItemRef,
    Question, Recommendation, Relation, Report, Service,
};
use crate::taxonomy::{
    Direction, FindingTerm, FollowUpStatus, GapCategory, Genre, Level, Owner, RelationKind, Scope,
    ServiceKind, ServiceStatus, Severity, StatedIn, Status, Verdict,
};

impl Report {
    /// A report with every field filled in (every optional field present, every list holding
    /// one item, every word a valid one): the shape that loading checks records against. It is
    /// well-formed, not valid: its ids do not all resolve.
    ///
    /// It is written field by field, so a field added to the model does not compile until it is
    /// added here, and the loader knows its shape.
    pub fn specimen() -> Report {
        let ev = || {
            vec![Evidence {
                source: "source.txt".into(),
                line: 1,
                quote: "quote".into(),
            }]
        };
        let legal = || vec!["hol § 7-1".parse::<LegalRef>().expect("a valid reference")];
        let number = |n: &str| n.parse::<crate::model::FigureNumber>().expect("a number");
        Report {
            id: "specimen-2025".into(),
            title: Some("title".into()),
            scope: Scope::District,
            municipalities: vec!["Oslo".into()],
            districts: vec!["Bydel Frogner".into()],
            auditor: Some("auditor".into()),
            year: Some(2025),
            date: Some("2025-01-31".into()),
            genre: Genre::ALL[0],
            commissioned_by: Some("commissioned by".into()),
            methods: vec!["interviews".into()],
            follows_up: Some("earlier-2020".into()),
            derived_from: Some("source-2025".into()),
            draft: Some("draft".into()),
            closed: Some(Closure {
                date: Some("2025-02-01".into()),
                evidence: ev(),
                note: Some("note".into()),
            }),
            evidence: ev(),
            note: Some("note".into()),
            questions: vec![Question {
                id: "q1".into(),
                number: "1".into(),
                text: "text".into(),
                parent: Some("q0".into()),
                evidence: ev(),
                note: Some("note".into()),
            }],
            criteria: vec![Criterion {
                id: "c1".into(),
                text: "text".into(),
                legal: legal(),
                questions: vec!["q1".into()],
                evidence: ev(),
                note: Some("note".into()),
            }],
            services: vec![Service {
                id: "s1".into(),
                name: "name".into(),
                kind: Some(ServiceKind::ALL[0]),
                owner: Some(Owner::ALL[0]),
                parent: Some("s0".into()),
                status: not_default(ServiceStatus::ALL),
                aliases: vec!["alias".into()],
                evidence: ev(),
                note: Some("note".into()),
            }],
            relations: vec![Relation {
                id: "r1".into(),
                from: "s1".into(),
                to: "s2".into(),
                kinds: vec![RelationKind::ALL[0]],
                direction: Direction::ALL[0],
                level: Level::ALL[0],
                status: Status::ALL[0],
                cadence: Some(Cadence {
                    required: Some("monthly".into()),
                    actual: Some("yearly".into()),
                }),
                summary: "summary".into(),
                evidence: ev(),
                note: Some("note".into()),
            }],
            gaps: vec![Gap {
                id: "g1".into(),
                category: GapCategory::ALL[0],
                severity: Severity::ALL[0],
                term: Some(FindingTerm::ALL[0]),
                stated_in: Some(StatedIn::ALL[0]),
                summary: "summary".into(),
                services: vec!["s1".into()],
                relations: vec!["r1".into()],
                criteria: vec!["c1".into()],
                legal: legal(),
                evidence: ev(),
                note: Some("note".into()),
            }],
            recommendations: vec![Recommendation {
                id: "rec1".into(),
                number: "1".into(),
                text: "text".into(),
                gaps: vec!["g1".into()],
                evidence: ev(),
                note: Some("note".into()),
            }],
            conclusions: vec![Conclusion {
                id: "k1".into(),
                question: "q1".into(),
                verdict: Verdict::ALL[0],
                summary: "summary".into(),
                evidence: ev(),
                note: Some("note".into()),
            }],
            decisions: vec![Decision {
                id: "d1".into(),
                body: "kommunestyret".into(),
                case: "sak 1/25".into(),
                date: Some("2025-03-01".into()),
                number: "1".into(),
                text: "text".into(),
                evidence: ev(),
                note: Some("note".into()),
            }],
            follow_ups: vec![FollowUp {
                id: "fu1".into(),
                of: ItemRef {
                    report: "earlier-2020".into(),
                    item: "g0".into(),
                },
                status: FollowUpStatus::ALL[0],
                summary: "summary".into(),
                gaps: vec!["g1".into()],
                evidence: ev(),
                note: Some("note".into()),
            }],
            figures: vec![Figure {
                id: "f1".into(),
                counts: "counts".into(),
                value: number("1"),
                max: Some(number("2")),
                unit: "persons".into(),
                denominator: Some(number("3")),
                period: Some("2024".into()),
                services: vec!["s1".into()],
                evidence: ev(),
                note: Some("note".into()),
            }],
        }
    }
}

/// The first word of `all` that is not the default, so that the specimen serialises the field.
fn not_default<T: Copy + Default + PartialEq>(all: &[T]) -> T {
    all.iter()
        .copied()
        .find(|w| *w != T::default())
        .unwrap_or_default()
}
