//! The bundled records at work: the 2015 comparison note reproduced from the four municipal
//! records, and the Nes follow-up item by item.

use samhandling::Corpus;
use samhandling::compare::{KeyMode, OutcomeBasis, follow_up, synthesis_check};

const MUNICIPAL: [&str; 4] = [
    "ralingen-2015",
    "skedsmo-2015",
    "lorenskog-2015",
    "ullensaker-2015",
];

fn bundled() -> Corpus {
    Corpus::bundled().unwrap_or_else(|e| panic!("{e}"))
}

/// By category, every challenge the note calls common is common to all four municipal records.
#[test]
fn the_notes_common_challenges_recur_in_all_four_municipal_records() {
    let corpus = bundled();
    let parts = corpus.select(MUNICIPAL).unwrap();
    let note = corpus.get("romerike-2015").unwrap();
    assert!(!note.gaps.is_empty());
    for min in [4, 3] {
        let check = synthesis_check(&parts, note, KeyMode::Category, min);
        assert_eq!(
            check.stated.len(),
            note.gaps.len(),
            "one key per stated challenge"
        );
        for s in &check.stated {
            assert!(s.recovered, "{} is common to at least {min} of 4", s.key);
            assert_eq!(s.computed.as_ref().unwrap().municipalities.len(), 4);
        }
    }
}

/// By category and kinds, a stated key the computation does not recover exactly is recovered
/// with more specific kinds: the note's summary names fewer services than its bullets.
#[test]
fn by_kinds_every_difference_is_a_more_specific_key_of_the_same_category() {
    let corpus = bundled();
    let parts = corpus.select(MUNICIPAL).unwrap();
    let note = corpus.get("romerike-2015").unwrap();
    let check = synthesis_check(&parts, note, KeyMode::CategoryAndKinds, 4);
    let exact: Vec<String> = check
        .stated
        .iter()
        .filter(|s| s.recovered)
        .map(|s| s.key.to_string())
        .collect();
    assert!(
        exact.contains(&"system_collaboration[nav+psykisk_helse_rus]".to_string()),
        "{exact:?}"
    );
    for s in check.stated.iter().filter(|s| !s.recovered) {
        let specific: Vec<String> = check
            .computed_only
            .iter()
            .filter(|k| {
                k.key.category == s.key.category
                    && s.key.kinds.iter().all(|kind| k.key.kinds.contains(kind))
            })
            .map(|k| k.key.to_string())
            .collect();
        assert!(
            !specific.is_empty(),
            "{} has a more specific common key",
            s.key
        );
    }
}

/// Follow-up of nes-2018 by nes-2025 lists every point of sak 103/18 with a stated status.
#[test]
fn nes_follow_up_lists_every_decision_point_with_a_status() {
    let corpus = bundled();
    let (earlier, later) = (
        corpus.get("nes-2018").unwrap(),
        corpus.get("nes-2025").unwrap(),
    );
    let report = follow_up(earlier, later, KeyMode::Category);
    let decisions: Vec<_> = report
        .items
        .iter()
        .filter(|i| i.what == "decision")
        .collect();
    assert_eq!(decisions.len(), 3);
    for d in decisions {
        assert!(
            d.status.is_some(),
            "decision point {} has a status",
            d.number
        );
        assert!(
            d.evidence
                .iter()
                .all(|e| e.source == "000_b1b178c2101948b1.txt")
        );
    }
    assert_eq!(
        report.gaps.len(),
        earlier.gaps.len(),
        "every 2018 gap has an outcome"
    );
    assert!(report.gaps.iter().any(|g| g.basis == OutcomeBasis::Stated));
    assert_eq!(corpus.follow_up_pairs().len(), 1);
}
