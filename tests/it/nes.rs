//! The Nes records against their source: every shortcoming among the 2025 follow-up's main
//! findings is a gap, and every decision point and 2018 finding has a follow-up item that keeps
//! the report's own verdict or says that it states none.

use samhandling::taxonomy::FollowUpStatus;
use samhandling::{Corpus, Report};

const NES_SOURCE: &str = include_str!("../../data/sources/000_b1b178c2101948b1.txt");

fn records() -> (Report, Report) {
    let corpus = Corpus::bundled().unwrap();
    (
        corpus.report("nes-2018").unwrap().clone(),
        corpus.report("nes-2025").unwrap().clone(),
    )
}

/// The numbered main findings of the summary ("Hovedfunn"), each as its 1-based line span.
fn main_findings() -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = NES_SOURCE.lines().collect();
    let start = lines.iter().position(|l| l.trim() == "Hovedfunn").unwrap();
    let mut findings: Vec<(usize, usize, String)> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let text = line.trim();
        if text.starts_with("Kommunen har gjennomført") {
            break;
        }
        let numbered = text.len() > 2 && text.as_bytes()[0].is_ascii_digit() && &text[1..2] == ".";
        if numbered {
            findings.push((i + 1, i + 1, text.to_string()));
        } else if let Some(last) = findings.last_mut()
            && !text.is_empty()
        {
            last.1 = i + 1;
            last.2.push(' ');
            last.2.push_str(text);
        }
    }
    findings
}

#[test]
fn every_main_finding_that_states_a_shortcoming_is_a_gap() {
    let (_, nes) = records();
    let findings = main_findings();
    assert_eq!(findings.len(), 3, "{findings:?}");
    let shortcoming = ["til dels", "forsinket", "ikke"];
    let mut with_shortcoming = 0;
    for (from, to, text) in &findings {
        if !shortcoming.iter().any(|w| text.contains(w)) {
            continue;
        }
        with_shortcoming += 1;
        let cited = nes.gaps.iter().any(|g| {
            g.severity != samhandling::taxonomy::Severity::Resolved
                && g.evidence.iter().any(|e| (*from..=*to).contains(&e.line))
        });
        assert!(
            cited,
            "no gap cites main finding at 000:{from}-{to}: {text}"
        );
    }
    assert_eq!(
        with_shortcoming, 2,
        "main findings 2 and 3 state shortcomings"
    );
}

#[test]
fn every_decision_point_and_2018_gap_has_a_follow_up_item() {
    let (nes18, nes25) = records();
    let followed: Vec<&str> = nes25
        .follow_ups
        .iter()
        .map(|f| f.of.item.as_str())
        .collect();
    for d in &nes18.decisions {
        assert!(
            followed.contains(&d.id.as_str()),
            "decision {} not followed",
            d.id
        );
    }
    for g in &nes18.gaps {
        assert!(
            followed.contains(&g.id.as_str()),
            "gap {} not followed",
            g.id
        );
    }
}

#[test]
fn follow_up_verdicts_are_the_reports_own() {
    let (_, nes25) = records();
    let status = |item: &str| {
        nes25
            .follow_ups
            .iter()
            .find(|f| f.of.item == item)
            .unwrap()
            .status
    };
    // "til dels" (000:33, 375) and "men ikke til avtalt tid" (000:789): partly, as stated.
    assert_eq!(status("sak103-2"), FollowUpStatus::Partly);
    assert_eq!(status("sak103-3"), FollowUpStatus::Partly);
    // Measures that "kan bidra" (000:29) in a chapter with no verdict (000:718-730).
    assert_eq!(status("sak103-1"), FollowUpStatus::NotStated);
    // Silo thinking and information sharing are discussed, without a verdict.
    assert_eq!(status("g18-silo"), FollowUpStatus::NotStated);
    assert_eq!(status("g18-info"), FollowUpStatus::NotStated);
    // Every follow-up item that states partly or implemented quotes a line saying so.
    let says = [
        "til dels",
        "ikke til",
        "har bidratt",
        "etter revisjonens syn",
    ];
    for f in &nes25.follow_ups {
        if matches!(
            f.status,
            FollowUpStatus::Partly | FollowUpStatus::Implemented
        ) {
            let lines: Vec<&str> = NES_SOURCE.lines().collect();
            let supported = f.evidence.iter().any(|e| {
                let window = lines[e.line - 1..(e.line + 2).min(lines.len())].join(" ");
                says.iter().any(|w| window.contains(w))
            });
            assert!(
                supported,
                "{} says {} without a line saying so",
                f.id, f.status
            );
        }
    }
}

#[test]
fn the_findings_the_issue_named_are_encoded() {
    let (nes18, nes25) = records();
    let gap_cites = |line: usize| {
        nes25
            .gaps
            .iter()
            .any(|g| g.evidence.iter().any(|e| e.line == line))
    };
    // Not reported in spring 2019; the request of 16.3.2023 not documented as answered;
    // Elvebredden closed in 2024; collaboration challenges with familiens hus.
    for line in [742, 783, 438, 595] {
        assert!(gap_cites(line), "no gap cites 000:{line}");
    }
    let follow_up_cites = |line: usize| {
        nes25
            .follow_ups
            .iter()
            .any(|f| f.evidence.iter().any(|e| e.line == line))
    };
    for line in [587, 682, 720] {
        assert!(follow_up_cites(line), "no follow-up item cites 000:{line}");
    }
    // The 2018 organisation: the virksomheter before the reorganisation and the specialist
    // services of the time.
    for id in [
        "psykisk-helse-og-rus",
        "tildelingsenheten",
        "dps-ovre-romerike",
    ] {
        assert!(nes18.service(id).is_some(), "nes-2018 lacks {id}");
    }
}
