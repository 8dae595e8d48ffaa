//! The 2015 comparison note (source 001) and the four municipal records derived from it: the
//! rules of issue 12 that keep the reproduction from being circular.
//!
//! - The note's claims (the gaps of `romerike-2015` stated in its own summary, chapter
//!   conclusions and common recommendations: `stated_in: assessment`, and its recommendations)
//!   cite lines that no municipal record cites.
//! - A line cited in every municipal record is one the note states for all four, and each item
//!   citing it says so in a note beginning [`MARK`] followed by that line (or its quote names the
//!   record's own municipality).
//! - `romerike-2015` holds the two challenges an earlier encoding missed: coordinators and GPs.

use std::collections::{BTreeMap, BTreeSet};

use samhandling::taxonomy::{ServiceKind, StatedIn};
use samhandling::{Corpus, Evidence, Report};

/// The comparison note's source document.
const NOTE: &str = "001_63ae963b3afabc75.txt";

/// The four municipal records, by municipality.
const MUNICIPAL: [(&str, &str); 4] = [
    ("lorenskog-2015", "Lørenskog"),
    ("ralingen-2015", "Rælingen"),
    ("skedsmo-2015", "Skedsmo"),
    ("ullensaker-2015", "Ullensaker"),
];

/// How an item's note begins when the note states it for all four municipalities.
const MARK: &str = "Stated for all four municipalities:";

fn bundled() -> Corpus {
    Corpus::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn record<'a>(corpus: &'a Corpus, id: &str) -> &'a Report {
    corpus.get(id).unwrap_or_else(|| panic!("{id} is bundled"))
}

/// One item of a record: its id, note and evidence.
struct Item<'r> {
    id: String,
    note: Option<&'r str>,
    evidence: &'r [Evidence],
}

impl Item<'_> {
    fn marked(&self) -> bool {
        self.note.is_some_and(|n| n.starts_with(MARK))
    }

    /// The lines of the note (source 001) this item cites.
    fn lines(&self) -> BTreeSet<usize> {
        self.evidence
            .iter()
            .filter(|e| e.source == NOTE)
            .map(|e| e.line)
            .collect()
    }
}

/// Every item of `r` (not the record's own metadata evidence).
fn items(r: &Report) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    macro_rules! section {
        ($($field:ident),*) => {$(
            for i in &r.$field {
                out.push(Item {
                    id: i.id.as_str().to_string(),
                    note: i.note.as_deref(),
                    evidence: &i.evidence,
                });
            }
        )*};
    }
    section!(
        questions,
        criteria,
        services,
        relations,
        gaps,
        recommendations,
        conclusions,
        decisions,
        follow_ups,
        figures
    );
    out
}

/// The lines the note's claims cite: its gaps stated in its assessment, and its recommendations.
fn claim_lines(note: &Report) -> BTreeSet<usize> {
    let gaps = note
        .gaps
        .iter()
        .filter(|g| g.stated_in == Some(StatedIn::Assessment))
        .flat_map(|g| &g.evidence);
    let recs = note.recommendations.iter().flat_map(|r| &r.evidence);
    gaps.chain(recs)
        .filter(|e| e.source == NOTE)
        .map(|e| e.line)
        .collect()
}

/// "record/item cites 001:line" for every municipal item citing a claim line.
fn circular(note: &Report, municipal: &[&Report]) -> Vec<String> {
    let claims = claim_lines(note);
    let mut out = Vec::new();
    for r in municipal {
        for item in items(r) {
            for line in item.lines().intersection(&claims) {
                out.push(format!("{}/{} cites 001:{line}", r.id, item.id));
            }
        }
    }
    out
}

/// "record/item cites 001:line" for every unmarked item citing a line that items of all three
/// other municipal records cite too, unless its quote names the record's own municipality (a
/// sentence that compares the four by name, 001:181-183, is no copy).
fn copied_unmarked(municipal: &[&Report]) -> Vec<String> {
    let cited: Vec<BTreeSet<usize>> = municipal
        .iter()
        .map(|r| items(r).iter().flat_map(Item::lines).collect())
        .collect();
    let mut out = Vec::new();
    for (i, r) in municipal.iter().enumerate() {
        let name = &r.municipalities[0];
        for item in items(r).iter().filter(|item| !item.marked()) {
            let named = |line: usize| {
                item.evidence
                    .iter()
                    .any(|e| e.line == line && e.quote.contains(name.as_str()))
            };
            for line in item.lines().into_iter().filter(|l| !named(*l)) {
                let everywhere = cited
                    .iter()
                    .enumerate()
                    .all(|(j, lines)| j == i || lines.contains(&line));
                if everywhere {
                    out.push(format!("{}/{} cites 001:{line}", r.id, item.id));
                }
            }
        }
    }
    out
}

fn municipal(corpus: &Corpus) -> Vec<&Report> {
    MUNICIPAL.iter().map(|(id, _)| record(corpus, id)).collect()
}

#[test]
fn no_municipal_item_cites_a_line_the_note_cites_for_a_claim() {
    let corpus = bundled();
    let note = record(&corpus, "romerike-2015");
    let claims = claim_lines(note);
    // The summary lines of the NAV, specialist, IP and coordinating-unit chapters, and the
    // common recommendations, are claims.
    for line in [485, 636, 767, 980, 1037, 1041, 1045] {
        assert!(claims.contains(&line), "001:{line} is a claim line");
    }
    assert_eq!(circular(note, &municipal(&corpus)), Vec::<String>::new());
}

#[test]
fn a_municipal_item_citing_a_claim_line_is_caught() {
    let corpus = bundled();
    let note = record(&corpus, "romerike-2015");
    let mut skedsmo = record(&corpus, "skedsmo-2015").clone();
    let nav = note.gap("g-nav").unwrap();
    skedsmo.gaps[0].evidence.push(nav.evidence[0].clone());
    let found = circular(note, &[&skedsmo]);
    assert_eq!(
        found,
        [format!("skedsmo-2015/{} cites 001:485", skedsmo.gaps[0].id)]
    );
}

#[test]
fn a_line_cited_in_all_four_municipal_records_is_marked_as_stated_for_all_four() {
    let corpus = bundled();
    assert_eq!(copied_unmarked(&municipal(&corpus)), Vec::<String>::new());
}

#[test]
fn an_unmarked_copy_across_all_four_is_caught() {
    let corpus = bundled();
    let mut records: Vec<Report> = municipal(&corpus).into_iter().cloned().collect();
    let gap = records[1]
        .gaps
        .iter_mut()
        .find(|g| g.id == "g-nav-ansvar")
        .unwrap();
    gap.note = Some("copied".into());
    let refs: Vec<&Report> = records.iter().collect();
    let found = copied_unmarked(&refs);
    assert!(
        found.contains(&"ralingen-2015/g-nav-ansvar cites 001:493".to_string()),
        "{found:?}"
    );
}

/// A mark names the line that states the item for all four ("001:N"), and that line of the
/// source does say "alle" (all).
#[test]
fn every_mark_names_a_line_that_says_all() {
    let corpus = bundled();
    let text = samhandling::evidence::Sources::bundled()
        .text(NOTE)
        .unwrap()
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut marked = 0;
    for r in municipal(&corpus) {
        for item in items(r).iter().filter(|i| i.marked()) {
            marked += 1;
            let rest = item.note.unwrap()[MARK.len()..].trim_start();
            let number: usize = rest
                .strip_prefix("001:")
                .and_then(|s| s.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}/{}: the mark names a line", r.id, item.id));
            assert!(
                lines[number - 1].to_lowercase().contains("alle"),
                "{}/{}: 001:{number} does not say all",
                r.id,
                item.id
            );
        }
    }
    assert!(marked > 0);
}

/// Every municipal gap is a finding of the note's findings chapters; every gap of the note says
/// where it is stated, and an unattributed one says so.
#[test]
fn every_gap_says_where_the_note_states_it() {
    let corpus = bundled();
    for r in municipal(&corpus) {
        for g in &r.gaps {
            assert_eq!(g.stated_in, Some(StatedIn::Findings), "{}/{}", r.id, g.id);
        }
    }
    let note = record(&corpus, "romerike-2015");
    for g in &note.gaps {
        match g.stated_in {
            Some(StatedIn::Assessment) => {}
            Some(StatedIn::Findings) => assert!(
                g.note
                    .as_deref()
                    .is_some_and(|n| n.starts_with("Unattributed")),
                "{}: an unattributed finding says so",
                g.id
            ),
            other => panic!("{}: stated_in {other:?}", g.id),
        }
    }
}

/// The coordinator and GP challenges: each a claim citing the lines the issue names, and each
/// addressed by the common recommendation that names it.
#[test]
fn the_note_holds_the_coordinator_and_gp_claims() {
    let corpus = bundled();
    let note = record(&corpus, "romerike-2015");
    let lines =
        |g: &samhandling::Gap| -> BTreeSet<usize> { g.evidence.iter().map(|e| e.line).collect() };
    let is_claim = |g: &&samhandling::Gap| g.stated_in == Some(StatedIn::Assessment);
    let kind_of = |id: &samhandling::ServiceId| note.service(id.as_str()).and_then(|s| s.kind);
    let coordinator = note
        .gaps
        .iter()
        .filter(is_claim)
        .find(|g| g.category == samhandling::taxonomy::GapCategory::Coordinator)
        .expect("a coordinator claim");
    assert!(lines(coordinator).is_superset(&BTreeSet::from([903, 921, 933])));
    let gp = note
        .gaps
        .iter()
        .filter(is_claim)
        .find(|g| {
            g.services
                .iter()
                .any(|s| kind_of(s) == Some(ServiceKind::Fastlege))
        })
        .expect("a GP claim");
    let gp_lines = lines(gp);
    assert!(gp_lines.contains(&598));
    assert!(gp_lines.iter().filter(|l| (600..=620).contains(*l)).count() >= 2);
    for (gap, line) in [(coordinator, 1041), (gp, 1039)] {
        assert!(
            note.recommendations
                .iter()
                .any(|r| r.gaps.contains(&gap.id) && r.evidence.iter().any(|e| e.line == line)),
            "{} is addressed by the recommendation at 001:{line}",
            gap.id
        );
    }
}

/// Claim by claim, the municipalities whose record holds a gap of the claim's category about
/// the same kind of service (NAV, GP, hospital, coordinating unit; for IP, any), split into
/// those stated by name and those stated only for all four (marked). The result as found:
/// the NAV claim rests only on the NAV list that footnote 3 states for all four; the GP and
/// specialist claims on nothing the note attributes; IP, coordinators and the coordinating
/// unit on by-name findings in three, two and one municipality.
#[test]
fn claim_by_claim_the_municipalities_that_support_it() {
    let corpus = bundled();
    let note = record(&corpus, "romerike-2015");
    let generic = [ServiceKind::PsykiskHelseRus, ServiceKind::Kommune];
    let mut found: BTreeMap<String, (Vec<&str>, Vec<&str>)> = BTreeMap::new();
    for claim in note
        .gaps
        .iter()
        .filter(|g| g.stated_in == Some(StatedIn::Assessment))
    {
        let kinds: BTreeSet<ServiceKind> = claim
            .services
            .iter()
            .filter_map(|s| note.service(s.as_str()).and_then(|s| s.kind))
            .filter(|k| !generic.contains(k))
            .collect();
        let entry = found.entry(claim.id.clone()).or_default();
        for (id, name) in MUNICIPAL {
            let r = record(&corpus, id);
            let matching: Vec<_> = r
                .gaps
                .iter()
                .filter(|g| g.category == claim.category)
                .filter(|g| {
                    kinds.is_empty()
                        || g.services.iter().any(|s| {
                            r.service(s.as_str())
                                .and_then(|s| s.kind)
                                .is_some_and(|k| kinds.contains(&k))
                        })
                })
                .collect();
            let by_name = matching
                .iter()
                .any(|g| !g.note.as_deref().is_some_and(|n| n.starts_with(MARK)));
            if by_name {
                entry.0.push(name);
            } else if !matching.is_empty() {
                entry.1.push(name);
            }
        }
    }
    let all = vec!["Lørenskog", "Rælingen", "Skedsmo", "Ullensaker"];
    let expected: BTreeMap<String, (Vec<&str>, Vec<&str>)> = [
        ("g-nav", (vec![], all)),
        ("g-fastlege", (vec![], vec![])),
        ("g-spesialist", (vec![], vec![])),
        ("g-ip", (vec!["Lørenskog", "Skedsmo", "Ullensaker"], vec![])),
        ("g-koordinator", (vec!["Lørenskog", "Skedsmo"], vec![])),
        ("g-ke", (vec!["Lørenskog"], vec![])),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(found, expected);
}
