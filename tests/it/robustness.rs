//! Bad input of every class gets a typed error naming the file, the report and the JSON path,
//! never a panic; a directory reports every bad file; nothing is silently dropped.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use samhandling::compare::{KeyMode, summary};
use samhandling::evidence::{Sources, check_report};
use samhandling::{Corpus, Error, Report, synth};
use serde_json::{Value, json};

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("samhandling-robust-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn example() -> Value {
    serde_json::from_str(crate::EXAMPLE).unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Reads one file and returns its single error, checking that it names the file.
fn error_of(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> Error {
    let path = write(dir, name, bytes);
    let err = Report::from_file(&path).expect_err(name);
    assert!(err.to_string().contains(name), "{name}: {err}");
    err
}

#[test]
fn each_class_of_bad_file_has_its_own_error() {
    let dir = temp_dir("classes");
    assert!(matches!(
        error_of(&dir, "empty.json", ""),
        Error::Syntax { .. }
    ));
    let truncated = &crate::EXAMPLE[..crate::EXAMPLE.len() - 40];
    assert!(matches!(
        error_of(&dir, "truncated.json", truncated),
        Error::Syntax { .. }
    ));
    let mut latin1 = crate::EXAMPLE.as_bytes().to_vec();
    latin1.extend_from_slice(&[0xe6, 0xf8, 0xe5]);
    assert!(matches!(
        error_of(&dir, "latin1.json", latin1),
        Error::NotUtf8 { .. }
    ));

    let mut v = example();
    v["gaps"][0]["services"] = json!("nav");
    let err = error_of(&dir, "wrong-type.json", v.to_string());
    assert!(
        matches!(&err, Error::Shape { at, .. } if at.path == "gaps[0].services"),
        "{err:?}"
    );
    assert!(err.to_string().contains("report `eksempel-2025`"));

    let mut v = example();
    v["relations"][1]["status"] = json!("broken");
    let err = error_of(&dir, "word.json", v.to_string());
    assert!(matches!(&err, Error::UnknownWord { at, .. } if at.path == "relations[1].status"));

    let mut v = example();
    v["relations"][0]["to"] = json!("nowhere");
    let err = error_of(&dir, "dangling-service.json", v.to_string());
    assert!(
        matches!(&err, Error::UnknownReference { at, id, .. } if id == "nowhere" && at.path == "relations[0].to")
    );

    let mut v = example();
    v["recommendations"] = json!([{"id": "rec-1", "number": "1", "text": "x", "gaps": ["g-none"], "evidence": v["evidence"].clone()}]);
    let err = error_of(&dir, "dangling-gap.json", v.to_string());
    assert!(matches!(&err, Error::UnknownReference { what: "gap", .. }));

    let mut v = example();
    v["services"][3]["id"] = json!("nav");
    let err = error_of(&dir, "duplicate.json", v.to_string());
    assert!(
        err.iter()
            .any(|e| matches!(e, Error::Duplicate { first, .. } if first == "services[0].id")),
        "{err}"
    );

    // Deep nesting: an error, never a stack overflow (serde_json stops at its recursion limit).
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(error_of(&dir, "deep.json", deep).is_parse());
    let deep_field = format!(
        "{{\"id\": \"x-2020\", \"note\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(error_of(&dir, "deep-field.json", deep_field).is_parse());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn links_between_files_are_checked_with_the_file_named() {
    let dir = temp_dir("links");
    let mut v = example();
    v["follows_up"] = json!("missing-2010");
    write(&dir, "a.json", v.to_string());
    let err = Corpus::load_dir(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownFollowedReport { at, .. } if at.file.as_deref() == Some(&*dir.join("a.json"))),
        "{err:?}"
    );

    let dir = temp_dir("cycle");
    for (name, id, follows) in [
        ("a.json", "a-2020", "b-2021"),
        ("b.json", "b-2021", "a-2020"),
    ] {
        let mut v = example();
        v["id"] = json!(id);
        v["follows_up"] = json!(follows);
        write(&dir, name, v.to_string());
    }
    let err = Corpus::load_dir(&dir).unwrap_err();
    assert!(
        err.iter()
            .any(|e| matches!(e, Error::FollowUpCycle { cycle } if cycle.len() == 3)),
        "{err}"
    );
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert!(
        corpus.is_empty() && !errors.is_empty(),
        "both reports of the cycle are left out, with the error"
    );
}

#[test]
fn a_mixed_directory_reports_every_bad_file_and_lenient_keeps_the_good() {
    let dir = temp_dir("mixed");
    for (i, r) in synth::reports(6, 3).iter().enumerate() {
        write(&dir, &format!("good-{i}.json"), r.to_json_string());
    }
    write(&dir, "bad-1.json", "{");
    write(&dir, "bad-2.json", [0xff, 0xfe]);
    let mut v = example();
    v["year"] = json!(1066);
    write(&dir, "bad-3.json", v.to_string());
    let err = Corpus::load_dir(&dir).unwrap_err();
    let text = err.to_string();
    for bad in ["bad-1.json", "bad-2.json", "bad-3.json"] {
        assert!(text.contains(bad), "{bad} is named: {text}");
    }
    assert!(!text.contains("good-"), "{text}");
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert_eq!(corpus.len(), 6);
    assert_eq!(errors.len(), 3);
}

#[test]
fn a_quote_of_several_megabytes_loads_and_checks() {
    let mut report = Report::from_json_str(crate::EXAMPLE).unwrap();
    report.gaps[0].evidence[0].quote = "samhandling ".repeat(500_000);
    let json = report.to_json_string();
    assert!(json.len() > 5_000_000);
    let back = Report::from_json_str(&json).unwrap();
    assert_eq!(back, report);
    let errors = check_report(&back, &Sources::bundled());
    assert!(
        matches!(errors.as_slice(), [Error::QuoteNotFound { .. }]),
        "{errors:?}"
    );
    assert!(
        errors[0].to_string().len() < 1_000,
        "the message shortens the quote"
    );
}

#[test]
fn synthetic_reports_round_trip_losslessly() {
    for report in synth::reports(12, 9) {
        let json = report.to_json_string();
        let back = Report::from_json_str(&json).unwrap();
        assert_eq!(back, report);
        assert_eq!(back.to_json_string(), json);
    }
}

#[test]
fn synth_is_deterministic_and_seed_dependent() {
    let a = temp_dir("synth-a");
    let b = temp_dir("synth-b");
    synth::write_dir(7, 42, &a).unwrap();
    synth::write_dir(7, 42, &b).unwrap();
    for i in 0..7 {
        let name = format!("synth-{i:06}.json");
        assert_eq!(
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap()
        );
    }
    assert_ne!(synth::reports(3, 1), synth::reports(3, 2));
    let corpus = synth::corpus(10, 5).unwrap();
    assert_eq!(
        corpus.follow_up_pairs().len(),
        2,
        "reports 4 and 9 follow up 3 and 8"
    );
    let counts: std::collections::BTreeSet<_> = synth::reports(50, 1)
        .iter()
        .flat_map(|r| r.gaps.iter().map(|g| g.category))
        .collect();
    assert!(counts.len() > 10, "many categories drawn: {counts:?}");
}

/// `compare --json` gives the same bytes on two runs and when the files are named (and so
/// listed) in another order.
#[test]
#[cfg(feature = "cli")]
fn compare_json_is_byte_identical_across_runs_and_file_orders() {
    let a = temp_dir("order-a");
    let b = temp_dir("order-b");
    let reports = synth::reports(15, 11);
    for (i, r) in reports.iter().enumerate() {
        write(&a, &format!("{i:03}.json"), r.to_json_string());
        write(&b, &format!("{:03}.json", 99 - i), r.to_json_string());
    }
    let run = |dir: &Path| {
        crate::program::stdout(&[
            "compare",
            "--json",
            "--no-evidence-check",
            "--dir",
            dir.to_str().unwrap(),
        ])
    };
    let first = run(&a);
    assert_eq!(first, run(&a));
    assert_eq!(first, run(&b));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = Report::from_json_slice(&bytes);
    }

    #[test]
    fn arbitrary_json_text_never_panics_the_loader(text in "[\\[\\]{}\",:a-z0-9 ]{0,300}") {
        let _ = Report::from_json_str(&text);
    }

    #[test]
    fn comparisons_over_arbitrary_corpora_never_panic(n in 1usize..12, seed in any::<u64>()) {
        let corpus = synth::corpus(n, seed).unwrap();
        for mode in [KeyMode::Category, KeyMode::CategoryAndKinds] {
            let s = summary(&corpus, mode);
            prop_assert_eq!(s.reports.len(), n);
        }
    }

    #[test]
    fn arbitrary_synthetic_reports_round_trip(seed in any::<u64>()) {
        for report in synth::reports(3, seed) {
            let back = Report::from_json_str(&report.to_json_string()).unwrap();
            prop_assert_eq!(back, report);
        }
    }
}

#[test]
fn lenient_loading_keeps_the_first_of_duplicate_ids_and_says_so() {
    let dir = temp_dir("dup");
    write(&dir, "a.json", crate::EXAMPLE);
    write(&dir, "b.json", crate::EXAMPLE);
    let err = Corpus::load_dir(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::DuplicateReport { at, .. } if at.file.as_deref() == Some(&*dir.join("b.json"))),
        "{err:?}"
    );
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert_eq!(corpus.len(), 1, "the first record is kept");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].to_string().contains("b.json") && errors[0].to_string().contains("a.json"));
}

/// A chain of 3,000 follow-ups and a cycle at its end are checked without trouble: the cycle
/// check walks each chain once.
#[test]
fn long_follow_up_chains_are_checked_in_linear_time() {
    let base = Report::from_json_str(crate::EXAMPLE).unwrap();
    let n = 3_000;
    let mut reports: Vec<Report> = (0..n)
        .map(|i| {
            let mut r = base.clone();
            r.id = format!("r-{i:05}").as_str().into();
            r.follows_up = (i > 0).then(|| format!("r-{:05}", i - 1).as_str().into());
            r
        })
        .collect();
    assert_eq!(
        Corpus::from_reports(reports.clone())
            .unwrap()
            .follow_up_pairs()
            .len(),
        n - 1
    );
    reports[0].follows_up = Some(format!("r-{:05}", n - 1).as_str().into());
    let err = Corpus::from_reports(reports).unwrap_err();
    let cycles: Vec<&Error> = err
        .iter()
        .filter(|e| matches!(e, Error::FollowUpCycle { .. }))
        .collect();
    assert_eq!(cycles.len(), 1, "one cycle, reported once");
    assert!(matches!(cycles[0], Error::FollowUpCycle { cycle } if cycle.len() == n + 1));
}
