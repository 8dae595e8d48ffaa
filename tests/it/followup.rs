//! Follow-up of nes-2018 by nes-2025: verdicts as the 2025 report states them, "no verdict
//! stated" with what the report says of the matter, never "not addressed" where it discusses it.

use samhandling::Corpus;
use samhandling::compare::{KeyMode, Outcome, OutcomeBasis, follow_up};
use samhandling::taxonomy::FollowUpStatus;

const NES: &str = "000_b1b178c2101948b1.txt";

#[test]
fn nes_follow_up_keeps_the_2025_verdicts_as_stated() {
    let corpus = Corpus::bundled().unwrap();
    let (earlier, later) = (
        corpus.get("nes-2018").unwrap(),
        corpus.get("nes-2025").unwrap(),
    );
    for mode in [KeyMode::Category, KeyMode::CategoryAndKinds] {
        let f = follow_up(earlier, later, mode);
        assert_eq!(f.gaps.len(), earlier.gaps.len());
        assert_eq!(
            f.items.len(),
            earlier.decisions.len() + earlier.recommendations.len()
        );
        let item_of = |id: &str| {
            later
                .follow_ups
                .iter()
                .find(|x| x.of.report == earlier.id && x.of.item == id)
        };
        for g in &f.gaps {
            match item_of(&g.gap) {
                Some(item) => {
                    assert_eq!(g.status, Some(item.status), "{}", g.gap);
                    assert_eq!(g.outcome, Outcome::of_status(item.status), "{}", g.gap);
                    assert_eq!(g.basis, OutcomeBasis::Stated);
                    assert_eq!(g.evidence, item.evidence, "{}: the item's own lines", g.gap);
                }
                None => {
                    assert!(
                        g.evidence.is_empty(),
                        "{}: no verdict, no verdict's lines",
                        g.gap
                    );
                    let expected = if g.related.is_empty() {
                        Outcome::NotAddressed
                    } else {
                        Outcome::NoVerdictStated
                    };
                    assert_eq!(g.outcome, expected, "{}", g.gap);
                }
            }
            if g.outcome == Outcome::NoVerdictStated && g.basis == OutcomeBasis::Inferred {
                assert!(!g.related.is_empty());
            }
        }
        for i in &f.items {
            match item_of(&i.item) {
                Some(item) => assert_eq!(i.outcome, Outcome::of_status(item.status)),
                None => assert!(matches!(
                    i.outcome,
                    Outcome::NoVerdictStated | Outcome::NotAddressed
                )),
            }
            if i.status == Some(FollowUpStatus::Partly) {
                assert_eq!(
                    i.outcome,
                    Outcome::Partly,
                    "partly stays partly: {}",
                    i.item
                );
            }
        }
        // Silo thinking (000:331–349, 585–587) and information sharing (000:553–557, 618–620)
        // are discussed at length: never "not addressed", and what is printed cites those lines.
        for (gap, ranges) in [
            ("g18-silo", [(331, 349), (585, 587)]),
            ("g18-info", [(553, 557), (618, 620)]),
        ] {
            let g = f.gaps.iter().find(|g| g.gap == gap).unwrap();
            assert_ne!(g.outcome, Outcome::NotAddressed, "{gap}");
            let lines: Vec<usize> = g
                .evidence
                .iter()
                .chain(g.related.iter().flat_map(|r| r.evidence.iter()))
                .filter(|e| e.source == NES)
                .map(|e| e.line)
                .collect();
            for (lo, hi) in ranges {
                assert!(
                    lines.iter().any(|l| (lo..=hi).contains(l)),
                    "{gap}: a line in {lo}–{hi}, got {lines:?}"
                );
            }
        }
        // Every matter of 2018 is discussed in 2025.
        assert!(f.gaps.iter().all(|g| g.outcome != Outcome::NotAddressed));
        assert!(f.items.iter().all(|i| i.outcome != Outcome::NotAddressed));
    }
}
