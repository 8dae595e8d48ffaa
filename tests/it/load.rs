//! Reading records: a lossless round trip, and a table of malformed inputs, each with its own
//! error variant and a message that names the item.

use samhandling::model::{
    Cadence, Closure, Conclusion, Criterion, Decision, FollowUp, ItemRef, Question,
};
use samhandling::taxonomy::{
    Direction, FindingTerm, FollowUpStatus, GapCategory, Genre, Level, Owner, RelationKind, Scope,
    ServiceKind, ServiceStatus, StatedIn, Status, Verdict,
};
use samhandling::{
    Corpus, Error, Evidence, Figure, Gap, LegalRef, Recommendation, Relation, Report, Service,
};
use serde_json::{Value, json};

fn ev(n: usize) -> Vec<Evidence> {
    vec![Evidence {
        source: "000_b1b178c2101948b1.txt".into(),
        line: n + 1,
        quote: format!("quote {n}"),
    }]
}

fn number(s: &str) -> samhandling::model::FigureNumber {
    s.parse().unwrap()
}

/// A report that uses every field and every word of every vocabulary.
fn every_field(genre: Genre) -> Report {
    let services: Vec<Service> = ServiceKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| Service {
            id: format!("s{i}").as_str().into(),
            name: format!("Tjeneste {i}"),
            kind: Some(kind),
            owner: Some(Owner::ALL[i % Owner::ALL.len()]),
            parent: (i > 0).then(|| "s0".into()),
            status: ServiceStatus::ALL[i % ServiceStatus::ALL.len()],
            aliases: vec![format!("T{i}")],
            evidence: ev(i),
            note: Some(format!("service note {i}")),
        })
        .collect();
    let n = services.len();
    let relations: Vec<Relation> = (0..RelationKind::ALL.len().max(Status::ALL.len()))
        .map(|i| Relation {
            id: format!("r{i}"),
            from: format!("s{}", i % n).as_str().into(),
            to: format!("s{}", (i + 1) % n).as_str().into(),
            kinds: vec![
                RelationKind::ALL[i % RelationKind::ALL.len()],
                RelationKind::Meeting,
            ],
            direction: Direction::ALL[i % 2],
            level: Level::ALL[i % Level::ALL.len()],
            status: Status::ALL[i % Status::ALL.len()],
            cadence: (i % 2 == 0).then(|| Cadence {
                required: Some("monthly".into()),
                actual: (i % 4 == 0).then(|| "twice a year".into()),
            }),
            summary: format!("relation {i}"),
            evidence: ev(i),
            note: None,
        })
        .collect();
    let legal: Vec<LegalRef> = [
        "hol § 7-3",
        "§ 2-5 i pasient- og brukerrettighetsloven",
        "spesialisthelsetjenesteloven § 2-1 e andre ledd",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let gaps: Vec<Gap> = GapCategory::ALL
        .iter()
        .enumerate()
        .map(|(i, &category)| Gap {
            id: format!("g{i}"),
            category,
            severity: FindingTerm::ALL[i % FindingTerm::ALL.len()].severity(),
            term: Some(FindingTerm::ALL[i % FindingTerm::ALL.len()]),
            stated_in: Some(StatedIn::ALL[i % StatedIn::ALL.len()]),
            summary: format!("gap {i}"),
            services: vec![format!("s{}", i % n).as_str().into()],
            relations: vec![format!("r{}", i % relations.len())],
            criteria: vec!["c1".into()],
            legal: legal.clone(),
            evidence: ev(i),
            note: Some("gap note".into()),
        })
        .collect();
    Report {
        id: "alle-2024".into(),
        title: Some("Alle felt".into()),
        scope: Scope::District,
        municipalities: vec!["Alle".into(), "Andre".into()],
        districts: vec!["Bydel Alle".into()],
        auditor: Some("Revisjon IKS".into()),
        year: Some(2024),
        date: Some("2024-06-01".into()),
        genre,
        commissioned_by: Some("Kontrollutvalget".into()),
        methods: vec!["interviews".into(), "survey".into()],
        follows_up: Some("alle-2020".into()),
        derived_from: Some("alle-2019".into()),
        draft: Some("samhandling draft (test)".into()),
        closed: Some(Closure {
            date: Some("2024-12".into()),
            evidence: ev(3),
            note: Some("closed".into()),
        }),
        evidence: ev(0),
        note: Some("report note".into()),
        questions: vec![
            Question {
                id: "q1".into(),
                number: "1".into(),
                text: "Spørsmål?".into(),
                parent: None,
                evidence: ev(1),
                note: None,
            },
            Question {
                id: "q1.1".into(),
                number: "1.1".into(),
                text: "Underspørsmål?".into(),
                parent: Some("q1".into()),
                evidence: ev(2),
                note: Some("sub".into()),
            },
        ],
        criteria: vec![Criterion {
            id: "c1".into(),
            text: "Kommunen skal ...".into(),
            legal: legal.clone(),
            questions: vec!["q1".into()],
            evidence: ev(3),
            note: Some("criterion note".into()),
        }],
        services,
        relations,
        gaps,
        recommendations: vec![Recommendation {
            id: "rec-8a".into(),
            number: "8a".into(),
            text: "Kommunen bør ...".into(),
            gaps: vec!["g0".into(), "g1".into()],
            evidence: ev(4),
            note: Some("rec note".into()),
        }],
        conclusions: Verdict::ALL
            .iter()
            .enumerate()
            .map(|(i, &verdict)| Conclusion {
                id: format!("k{i}"),
                question: "q1".into(),
                verdict,
                summary: format!("conclusion {i}"),
                evidence: ev(i),
                note: None,
            })
            .collect(),
        decisions: vec![Decision {
            id: "sak1".into(),
            body: "kommunestyret".into(),
            case: "sak 1/24".into(),
            date: Some("2024-02".into()),
            number: "1".into(),
            text: "Kommunestyret ber ...".into(),
            evidence: ev(5),
            note: Some("decision note".into()),
        }],
        follow_ups: FollowUpStatus::ALL
            .iter()
            .enumerate()
            .map(|(i, &status)| FollowUp {
                id: format!("fu{i}"),
                of: ItemRef {
                    report: "alle-2020".into(),
                    item: "g0".into(),
                },
                status,
                summary: format!("follow-up {i}"),
                gaps: vec!["g2".into()],
                evidence: ev(i),
                note: None,
            })
            .collect(),
        figures: vec![
            Figure {
                id: "f1".into(),
                counts: "users with an individual plan".into(),
                value: number("12"),
                max: None,
                unit: "persons".into(),
                denominator: Some(number("140")),
                period: Some("2024".into()),
                services: vec!["s1".into()],
                evidence: ev(6),
                note: None,
            },
            Figure {
                id: "f2".into(),
                counts: "waiting time".into(),
                value: number("2.5"),
                max: Some(number("6")),
                unit: "weeks".into(),
                denominator: None,
                period: None,
                services: vec![],
                evidence: ev(7),
                note: Some("range".into()),
            },
        ],
    }
}

#[test]
fn round_trip_loses_nothing_for_every_field_and_word() {
    for &genre in Genre::ALL {
        let report = every_field(genre);
        assert!(report.validate().is_empty(), "{:#?}", report.validate());
        let json = report.to_json_string();
        let back = Report::from_json_str(&json).unwrap();
        assert_eq!(back, report);
        assert_eq!(
            back.to_json_string(),
            json,
            "serialising again gives the same bytes"
        );
    }
}

#[test]
fn round_trip_keeps_the_text_of_numbers_and_legal_references() {
    let json = every_field(Genre::Tilsyn).to_json_string();
    assert!(json.contains("\"value\": 2.5") && json.contains("\"value\": 12,"));
    assert!(json.contains("§ 2-5 i pasient- og brukerrettighetsloven"));
}

#[test]
fn the_format_example_round_trips_as_json() {
    let original: Value = serde_json::from_str(crate::EXAMPLE).unwrap();
    let report = Report::from_json_str(crate::EXAMPLE).unwrap();
    let again: Value = serde_json::from_str(&report.to_json_string()).unwrap();
    assert_eq!(again, original);
}

#[test]
fn the_format_doc_embeds_the_example() {
    let doc = include_str!("../../docs/FORMAT.md");
    assert!(
        doc.contains(crate::EXAMPLE.trim()),
        "docs/FORMAT.md must show docs/example-report.json verbatim"
    );
}

/// A malformed variant of the example record: what was changed, the JSON, and what must be said.
struct Case {
    name: &'static str,
    json: String,
    check: fn(&Error) -> bool,
    /// Text the message must hold (the item's path or id).
    names: &'static str,
}

fn example() -> Value {
    serde_json::from_str(crate::EXAMPLE).unwrap()
}

fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut v = example();
    change(&mut v);
    v.to_string()
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "relation names an undefined service",
            json: with(|v| v["relations"][0]["from"] = json!("nav-askr")),
            check: |e| matches!(e, Error::UnknownReference { what: "service", id, .. } if id == "nav-askr"),
            names: "relations[0].from",
        },
        Case {
            name: "gap names an undefined service",
            json: with(|v| v["gaps"][0]["services"][1] = json!("kontrollutvalg")),
            check: |e| {
                matches!(
                    e,
                    Error::UnknownReference {
                        what: "service",
                        ..
                    }
                )
            },
            names: "gaps[0].services[1]",
        },
        Case {
            name: "recommendation names an unknown gap",
            json: with(|v| {
                v["recommendations"] = json!([{
                    "id": "rec-1", "number": "1", "text": "Kommunen bør ...", "gaps": ["g-missing"],
                    "evidence": v["gaps"][0]["evidence"].clone()
                }])
            }),
            check: |e| matches!(e, Error::UnknownReference { what: "gap", id, .. } if id == "g-missing"),
            names: "recommendations[0].gaps[0]",
        },
        Case {
            name: "duplicate id",
            json: with(|v| v["relations"][1]["id"] = json!("r-nav-vkt")),
            check: |e| matches!(e, Error::Duplicate { what: "id", value, .. } if value == "r-nav-vkt"),
            names: "relations[1].id",
        },
        Case {
            name: "duplicate id across sections",
            json: with(|v| v["gaps"][0]["id"] = json!("nav")),
            check: |e| matches!(e, Error::Duplicate { what: "id", first, .. } if first == "services[0].id"),
            names: "gaps[0].id",
        },
        Case {
            name: "duplicate service name",
            json: with(|v| v["services"][1]["name"] = json!("NAV")),
            check: |e| {
                matches!(
                    e,
                    Error::Duplicate {
                        what: "service name",
                        ..
                    }
                )
            },
            names: "services[1].name",
        },
        Case {
            name: "empty quote",
            json: with(|v| v["gaps"][0]["evidence"][0]["quote"] = json!("  ")),
            check: |e| matches!(e, Error::Empty { what: "quote", .. }),
            names: "gaps[0].evidence[0].quote",
        },
        Case {
            name: "no evidence",
            json: with(|v| v["services"][2]["evidence"] = json!([])),
            check: |e| matches!(e, Error::Empty { .. }),
            names: "services[2].evidence",
        },
        Case {
            name: "line 0",
            json: with(|v| v["conclusions"][0]["evidence"][0]["line"] = json!(0)),
            check: |e| matches!(e, Error::OutOfRange { .. }),
            names: "conclusions[0].evidence[0].line",
        },
        Case {
            name: "unknown vocabulary word",
            json: with(|v| v["gaps"][0]["severity"] = json!("severe")),
            check: |e| matches!(e, Error::UnknownWord { message, .. } if message.contains("breach")),
            names: "gaps[0].severity",
        },
        Case {
            name: "unknown service kind",
            json: with(|v| v["services"][1]["kind"] = json!("teem")),
            check: |e| matches!(e, Error::UnknownWord { message, .. } if message.contains("koordinerende_enhet")),
            names: "services[1].kind",
        },
        Case {
            name: "unknown field (a typo)",
            json: with(|v| {
                let gap = v["gaps"][0].as_object_mut().unwrap();
                let severity = gap.remove("severity").unwrap();
                gap.insert("sevrity".into(), severity);
            }),
            check: |e| matches!(e, Error::UnknownField { message, .. } if message.contains("sevrity")),
            names: "gaps[0]",
        },
        Case {
            name: "wrong type",
            json: with(|v| v["year"] = json!("2025")),
            check: |e| matches!(e, Error::Shape { .. }),
            names: "year",
        },
        Case {
            name: "missing required field",
            json: with(|v| {
                v["relations"][0].as_object_mut().unwrap().remove("status");
            }),
            check: |e| matches!(e, Error::Shape { message, .. } if message.contains("status")),
            names: "relations[0]",
        },
        Case {
            name: "truncated JSON",
            json: crate::EXAMPLE[..crate::EXAMPLE.len() / 2].to_string(),
            check: |e| matches!(e, Error::Syntax { .. }),
            names: "line",
        },
        Case {
            // An unknown law is kept with a warning (tests/it/legal.rs); a reference with no
            // section is still an error.
            name: "malformed legal reference",
            json: with(|v| v["criteria"][0]["legal"] = json!(["tannhelsetjenesteloven § første"])),
            check: |e| matches!(e, Error::BadLegalRef { .. }),
            names: "criteria[0].legal[0]",
        },
        Case {
            name: "relation from a service to itself",
            json: with(|v| v["relations"][0]["to"] = json!("nav")),
            check: |e| matches!(e, Error::OutOfRange { .. }),
            names: "relations[0].to",
        },
        Case {
            name: "service of unknown kind with no stated kind",
            json: with(|v| v["services"][0]["name"] = json!("Bydelskontoret")),
            check: |e| matches!(e, Error::Empty { .. }),
            names: "services[0].kind",
        },
        Case {
            name: "range with max below value",
            json: with(|v| v["figures"][0]["max"] = json!(1)),
            check: |e| matches!(e, Error::OutOfRange { .. }),
            names: "figures[0].max",
        },
        Case {
            name: "malformed date",
            json: with(|v| v["decisions"][0]["date"] = json!("19.6.18")),
            check: |e| matches!(e, Error::OutOfRange { .. }),
            names: "decisions[0].date",
        },
    ]
}

#[test]
fn malformed_inputs_give_their_own_error_naming_the_item() {
    let cases = cases();
    assert!(cases.len() >= 12);
    for case in cases {
        let err = Report::from_json_str(&case.json).expect_err(case.name);
        let matching: Vec<&Error> = err.iter().filter(|e| (case.check)(e)).collect();
        assert!(
            !matching.is_empty(),
            "{}: unexpected error {err:?}",
            case.name
        );
        let message = matching[0].to_string();
        assert!(
            message.contains(case.names),
            "{}: message `{message}` does not name `{}`",
            case.name,
            case.names
        );
        if !matches!(matching[0], Error::Syntax { .. }) {
            assert!(
                message.contains("report `eksempel-2025`"),
                "{}: {message}",
                case.name
            );
        }
    }
}

#[test]
fn validation_collects_every_problem() {
    let json = with(|v| {
        v["relations"][0]["from"] = json!("x1");
        v["gaps"][0]["services"][0] = json!("x2");
        v["figures"][0]["evidence"][0]["line"] = json!(0);
    });
    let err = Report::from_json_str(&json).unwrap_err();
    assert!(matches!(err, Error::Many(_)));
    assert_eq!(err.iter().count(), 3, "{err}");
    assert!(err.to_string().starts_with("3 problems"));
}

fn report_with(id: &str, follows_up: Option<&str>) -> Report {
    let mut r = Report::from_json_str(crate::EXAMPLE).unwrap();
    r.id = id.into();
    r.follows_up = follows_up.map(Into::into);
    r
}

#[test]
fn corpus_rejects_unknown_followed_reports_duplicates_and_cycles() {
    let err = Corpus::from_reports([report_with("a-2020", Some("missing-2010"))]).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownFollowedReport { id, .. } if id.as_str() == "missing-2010")
    );
    assert!(err.to_string().contains("report `a-2020`: follows_up"));

    let err = Corpus::from_reports([report_with("a-2020", None), report_with("a-2020", None)])
        .unwrap_err();
    assert!(matches!(err, Error::DuplicateReport { .. }), "{err:?}");

    let err = Corpus::from_reports([
        report_with("a-2020", Some("c-2022")),
        report_with("b-2021", Some("a-2020")),
        report_with("c-2022", Some("b-2021")),
    ])
    .unwrap_err();
    match err {
        Error::FollowUpCycle { cycle, .. } => assert_eq!(cycle.len(), 4),
        other => panic!("expected a cycle, got {other:?}"),
    }

    let mut later = report_with("b-2021", Some("a-2020"));
    later.follow_ups.push(FollowUp {
        id: "fu1".into(),
        of: ItemRef {
            report: "a-2020".into(),
            item: "no-such-item".into(),
        },
        status: FollowUpStatus::Implemented,
        summary: "done".into(),
        gaps: vec![],
        evidence: later.evidence.clone(),
        note: None,
    });
    let err = Corpus::from_reports([report_with("a-2020", None), later.clone()]).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownReference { id, .. } if id == "no-such-item"),
        "{err:?}"
    );

    later.follow_ups[0].of.item = "g-report-back".into();
    let corpus = Corpus::from_reports([report_with("a-2020", None), later]).unwrap();
    assert_eq!(corpus.follow_up_pairs().len(), 1);
}

#[test]
fn load_dir_names_every_bad_file() {
    let dir = std::env::temp_dir().join(format!("samhandling-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-good.json"), crate::EXAMPLE).unwrap();
    std::fs::write(dir.join("b-bad.json"), "{").unwrap();
    std::fs::write(
        dir.join("c-bad.json"),
        with(|v| v["id"] = json!("c-2020")).replace("\"improvement\"", "\"improvment\""),
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a record").unwrap();
    let err = Corpus::load_dir(&dir).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("b-bad.json") && text.contains("c-bad.json"),
        "{text}"
    );
    assert!(!text.contains("a-good.json"), "{text}");
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert_eq!(
        corpus.ids().map(|i| i.as_str()).collect::<Vec<_>>(),
        ["eksempel-2025"]
    );
    assert_eq!(errors.len(), 2);
    let missing = Corpus::load_dir(dir.join("nope")).unwrap_err();
    assert!(matches!(missing, Error::Io { .. }) && missing.to_string().contains("nope"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every JSON path of `value` whose key is `evidence` (an array of evidence), written as the
/// errors write paths: `gaps[3].evidence`.
fn evidence_paths(value: &Value, here: String, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if here.is_empty() {
                    k.clone()
                } else {
                    format!("{here}.{k}")
                };
                if k == "evidence" {
                    out.insert(path.clone());
                }
                evidence_paths(v, path, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                evidence_paths(v, format!("{here}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Issue 17, "where the code makes these easy to get wrong", 1: the one walk over a report's
/// items visits every `evidence` array of a fully populated record (the specimen, and the
/// record that uses every field), so a section or field added to the model without being added
/// to the walk fails here, and its evidence cannot go unchecked.
#[test]
fn the_item_walk_visits_every_evidence_array() {
    for report in [Report::specimen(), every_field(Genre::Tilsyn)] {
        let json = serde_json::to_value(&report).unwrap();
        let mut in_json = std::collections::BTreeSet::new();
        evidence_paths(&json, String::new(), &mut in_json);
        let walked: std::collections::BTreeSet<String> = report
            .items()
            .iter()
            .map(|it| it.path("evidence"))
            .collect();
        assert_eq!(walked, in_json);
        assert!(in_json.contains("closed.evidence") || report.closed.is_none());
        // The evidence list, which the evidence check reads, is the walk's.
        let listed: std::collections::BTreeSet<String> =
            report.evidence().into_iter().map(|(p, _)| p).collect();
        let expected: std::collections::BTreeSet<String> = in_json
            .iter()
            .flat_map(|p| {
                let n = json_at(&json, p).as_array().unwrap().len();
                (0..n).map(move |j| format!("{p}[{j}]"))
            })
            .collect();
        assert_eq!(listed, expected);
    }
}

fn json_at<'v>(v: &'v Value, path: &str) -> &'v Value {
    let pointer: String = path
        .replace('[', ".")
        .replace(']', "")
        .split('.')
        .map(|s| format!("/{s}"))
        .collect();
    v.pointer(&pointer).unwrap()
}

/// The specimen holds every field: serialising it writes every key the format has, so loading
/// can check any record's shape against it.
#[test]
fn the_specimen_fills_every_field_and_reads_back() {
    let specimen = Report::specimen();
    let json = specimen.to_json_string();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, specimen);
    let every = every_field(Genre::Tilsyn);
    let keys = |r: &Report| {
        let mut out = std::collections::BTreeSet::new();
        fn walk(v: &Value, out: &mut std::collections::BTreeSet<String>) {
            match v {
                Value::Object(m) => m.iter().for_each(|(k, v)| {
                    out.insert(k.clone());
                    walk(v, out)
                }),
                Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        walk(&serde_json::to_value(r).unwrap(), &mut out);
        out
    };
    let missing: Vec<String> = keys(&every).difference(&keys(&specimen)).cloned().collect();
    assert!(missing.is_empty(), "the specimen lacks {missing:?}");
}

/// Leaving gaps out of a view drops every reference to them the walk knows of.
#[test]
fn dropping_links_leaves_no_reference_to_the_items_left_out() {
    use samhandling::items::Section;
    for mut report in [Report::specimen(), every_field(Genre::Tilsyn)] {
        for target in [
            Section::Gaps,
            Section::Services,
            Section::Criteria,
            Section::Questions,
            Section::Relations,
        ] {
            let before = report
                .items()
                .iter()
                .flat_map(|it| it.links.clone())
                .filter(|l| l.target == target && l.index.is_some())
                .count();
            assert!(before > 0 || target == Section::Questions, "{target:?}");
            report.drop_links(target, |_| true);
            let listed: Vec<String> = report
                .items()
                .iter()
                .flat_map(|it| {
                    it.links
                        .iter()
                        .filter(|l| l.target == target && l.index.is_some())
                        .map(|l| it.link_path(l))
                        .collect::<Vec<_>>()
                })
                .collect();
            assert!(listed.is_empty(), "{target:?}: {listed:?}");
        }
    }
}
