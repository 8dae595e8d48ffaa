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
            .any(|e| matches!(e, Error::FollowUpCycle { cycle, .. } if cycle.len() == 3)),
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
    assert!(matches!(cycles[0], Error::FollowUpCycle { cycle, .. } if cycle.len() == n + 1));
}

// ---- Issue 17, "Edges that hold": one regression test per item of the library side. ----

/// Issue 17, "files skipped without a word": `.JSON` and `.Json` files are records; a
/// subdirectory is listed as skipped; an empty directory is an error.
#[test]
fn upper_case_json_is_read_subdirectories_are_listed_and_an_empty_directory_is_an_error() {
    let dir = temp_dir("case");
    write(&dir, "A.JSON", crate::EXAMPLE);
    let mut v = example();
    v["id"] = json!("andre-2025");
    write(&dir, "b.Json", v.to_string());
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    write(&dir, "README.md", "notes");
    let loaded = Corpus::load(&dir).unwrap();
    assert_eq!(loaded.corpus.len(), 2, "{:?}", loaded.errors);
    assert!(loaded.errors.is_empty());
    assert_eq!(loaded.skipped, [dir.join("README.md"), dir.join("sources")]);

    let empty = temp_dir("empty");
    for err in [
        Corpus::load_dir(&empty).unwrap_err(),
        Corpus::load_dir_lenient(&empty).unwrap_err(),
    ] {
        assert!(
            matches!(&err, Error::NoRecords { dir } if *dir == empty),
            "{err:?}"
        );
        assert!(err.to_string().contains("no record files"), "{err}");
    }
    // Only a subdirectory: still no record.
    std::fs::create_dir_all(empty.join("x.json")).unwrap();
    assert!(matches!(
        Corpus::load_dir(&empty).unwrap_err(),
        Error::NoRecords { .. }
    ));
}

/// Issue 17: dangling symbolic links, link loops and FIFOs named `*.json` are errors naming the
/// entry, and a FIFO never makes loading hang (its type is looked at before it is opened).
#[cfg(unix)]
#[test]
fn dangling_links_loops_and_fifos_are_errors_and_never_hang() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("special");
    write(&dir, "good.json", crate::EXAMPLE);
    symlink(dir.join("nowhere.json"), dir.join("dangling.json")).unwrap();
    symlink(dir.join("loop-b.json"), dir.join("loop-a.json")).unwrap();
    symlink(dir.join("loop-a.json"), dir.join("loop-b.json")).unwrap();
    symlink(dir.join("good.json"), dir.join("alias.json")).unwrap();
    let fifo = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let has_fifo = made.is_ok_and(|s| s.success());

    let loaded = Corpus::load(&dir).unwrap();
    let named = |name: &str| {
        loaded
            .errors
            .iter()
            .any(|e| e.to_string().contains(&*dir.join(name).to_string_lossy()))
    };
    assert!(named("dangling.json") && named("loop-a.json") && named("loop-b.json"));
    assert!(
        loaded
            .errors
            .iter()
            .any(|e| matches!(e, Error::Io { path, .. } if path.ends_with("dangling.json")))
    );
    if has_fifo {
        assert!(
            loaded
                .errors
                .iter()
                .any(|e| matches!(e, Error::NotAFile { path, what } if *path == fifo && what.contains("FIFO"))),
            "{:?}",
            loaded.errors
        );
        let err = Report::from_file(&fifo).unwrap_err();
        assert!(matches!(err, Error::NotAFile { .. }), "{err:?}");
    }
    // The link to a good file is read like the file, so its id is a duplicate.
    assert!(
        loaded
            .errors
            .iter()
            .any(|e| matches!(e, Error::DuplicateReport { .. }))
    );
    assert_eq!(loaded.corpus.len(), 1);
    assert!(Corpus::load_dir(&dir).is_err());
}

/// Issue 17, "cross-file errors name no file": a duplicate id names both files, and a
/// follow-up cycle is located at a report and its file.
#[test]
fn a_duplicate_id_names_both_files_and_a_cycle_has_a_location() {
    let dir = temp_dir("cross");
    write(&dir, "one.json", crate::EXAMPLE);
    write(&dir, "two.json", crate::EXAMPLE);
    let err = Corpus::load_dir(&dir).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("two.json") && text.contains("one.json"),
        "{text}"
    );

    let dir = temp_dir("cycle");
    for (id, earlier) in [("a-2020", "b-2021"), ("b-2021", "a-2020")] {
        let mut v = example();
        v["id"] = json!(id);
        v["follows_up"] = json!(earlier);
        v["follow_ups"] = json!([]);
        write(&dir, &format!("{id}.json"), v.to_string());
    }
    let err = Corpus::load_dir(&dir).unwrap_err();
    let cycle = err
        .iter()
        .find(|e| matches!(e, Error::FollowUpCycle { .. }))
        .expect("a cycle");
    let at = cycle.location().expect("a cycle has a location");
    assert_eq!(at.file.as_deref(), Some(&*dir.join("a-2020.json")));
    assert_eq!(at.path, "follows_up");
    assert!(cycle.to_string().contains("a-2020.json"), "{cycle}");
}

/// A chain of `n` follow-ups whose root record is broken (valid JSON, but a validation error).
fn broken_chain(dir: &Path, n: usize) {
    for i in 0..n {
        let mut v = example();
        v["id"] = json!(format!("r-{i:05}"));
        v["follow_ups"] = json!([]);
        if i == 0 {
            v["gaps"][0]["services"] = json!(["no-such-service"]);
            v.as_object_mut().unwrap().remove("follows_up");
        } else {
            v["follows_up"] = json!(format!("r-{:05}", i - 1));
        }
        write(dir, &format!("r-{i:05}.json"), v.to_string());
    }
}

/// Issue 17, "lenient loading is super-linear" and "one broken file produces 9 follow-on
/// errors": a chain of 2,000 follow-ups with a broken root loads in one pass (0.04 s in a
/// release build, where it took 42 s; see BENCHMARKS.md), and the 1,999 reports left out are
/// named once, under the broken file.
#[test]
fn a_long_chain_with_a_broken_root_is_named_once_under_the_root() {
    let dir = temp_dir("chain");
    let n = 2_000;
    broken_chain(&dir, n);
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert!(corpus.is_empty());
    assert_eq!(errors.len(), 2, "{:?}", &errors[..errors.len().min(3)]);
    assert!(
        matches!(&errors[0], Error::UnknownReference { at, .. } if at.file.as_deref() == Some(&*dir.join("r-00000.json")))
    );
    match &errors[1] {
        Error::LeftOut { at, reports } => {
            assert_eq!(at.file.as_deref(), Some(&*dir.join("r-00000.json")));
            assert_eq!(reports.len(), n - 1);
            let text = errors[1].to_string();
            assert!(
                text.contains("and 1989 more") && text.len() < 1_000,
                "{text}"
            );
        }
        other => panic!("expected the reports left out, got {other:?}"),
    }
    // Strict loading names the root problem only: nothing is loaded, so nothing is "left out".
    let err = Corpus::load_dir(&dir).unwrap_err();
    assert_eq!(err.iter().count(), 1, "{err}");

    // A root that is not even JSON: the follow-on problem is the first follower's, and the
    // rest are named under it.
    write(&dir, "r-00000.json", "{ not json");
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert!(corpus.is_empty());
    assert_eq!(errors.len(), 3, "{:?}", &errors[..errors.len().min(4)]);
    assert!(matches!(&errors[0], Error::Syntax { .. }));
    assert!(matches!(&errors[1], Error::UnknownFollowedReport { .. }));
    assert!(matches!(&errors[2], Error::LeftOut { reports, .. } if reports.len() == n - 2));
}

/// Issue 17: a report that follows up a good report in a corpus with a broken file is kept.
#[test]
fn lenient_loading_keeps_what_does_not_depend_on_the_broken_file() {
    let dir = temp_dir("partial");
    broken_chain(&dir, 3);
    let mut v = example();
    v["id"] = json!("other-2025");
    write(&dir, "other.json", v.to_string());
    let (corpus, errors) = Corpus::load_dir_lenient(&dir).unwrap();
    assert_eq!(
        corpus.ids().map(|i| i.as_str()).collect::<Vec<_>>(),
        ["other-2025"]
    );
    assert_eq!(errors.len(), 2);
}

/// Issue 17, "a JSON list is accepted where an object is expected": a list is never read by
/// position.
#[test]
fn a_list_where_an_object_belongs_is_an_error() {
    let mut v = example();
    v["relations"][0]["cadence"] = json!(["one year late", "spring 2019"]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::Shape { at, message } if at.path == "relations[0].cadence" && message.contains("never read by position")),
        "{err:?}"
    );
    let mut v = example();
    v["gaps"][0]["evidence"][0] = json!(["000_b1b178c2101948b1.txt", 5, "Romerike"]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::Shape { at, .. } if at.path == "gaps[0].evidence[0]"),
        "{err:?}"
    );
    let err = Report::from_json_str("[]").unwrap_err();
    assert!(matches!(&err, Error::Shape { .. }), "{err:?}");
}

/// Issue 17, "messages echo input unshortened and unescaped".
#[test]
fn messages_shorten_and_escape_values_from_the_input() {
    let mut v = example();
    v["gaps"][0]["severity"] = json!("x".repeat(3_000_000));
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(err, Error::UnknownWord { .. }),
        "{}",
        &format!("{err:?}")[..200]
    );
    assert!(
        err.to_string().len() < 1_000,
        "{} bytes",
        err.to_string().len()
    );
    assert!(err.to_string().contains("…"));

    let mut v = example();
    v["gaps"][0]["severity"] = json!("bad\u{0}\u{1b}[31m\u{202e}word");
    v["gaps"][0]["servces"] = json!([]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    let text = err.to_string();
    for raw in ['\u{0}', '\u{1b}', '\u{202e}'] {
        assert!(!text.contains(raw), "{text:?}");
    }
    assert!(
        text.contains("\\u{1b}") && text.contains("\\u{202e}"),
        "{text}"
    );

    let mut r = Report::from_json_str(crate::EXAMPLE).unwrap();
    r.gaps[0]
        .services
        .push(samhandling::ServiceId(format!("{}\u{7}", "y".repeat(500))));
    let problems = r.validate();
    let text = problems[0].to_string();
    assert!(text.len() < 400 && !text.contains('\u{7}'), "{text}");
}

/// Issue 17: a syntax error has a line and column; a byte-order mark is accepted; a year and a
/// line say what they expect in words.
#[test]
fn syntax_bom_and_number_messages_are_clear() {
    let err = Report::from_json_str("{\n  \"id\": \"x\",,\n}").unwrap_err();
    assert!(matches!(err, Error::Syntax { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("line 2, column"), "{err}");

    let with_bom = format!("\u{feff}{}", crate::EXAMPLE);
    assert!(Report::from_json_str(&with_bom).is_ok());
    assert!(Report::from_json_slice(with_bom.as_bytes()).is_ok());

    let mut v = example();
    v["year"] = json!(70_000);
    v["gaps"][0]["evidence"][0]["line"] = json!(-3);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("year: expected a year such as 2025"),
        "{text}"
    );
    assert!(
        text.contains("gaps[0].evidence[0].line: expected a line number"),
        "{text}"
    );
    assert!(!text.contains("u16") && !text.contains("usize"), "{text}");
}

/// Issue 14.6, "a record with five shape errors reports five", each with its JSON path.
#[test]
fn a_record_with_five_shape_errors_reports_five() {
    let mut v = example();
    v["year"] = json!("2025");
    v["gaps"][0]["severity"] = json!("lovbrud");
    v["gaps"][0]["sevrity"] = json!("breach");
    v["relations"][0].as_object_mut().unwrap().remove("level");
    v["criteria"][0]["legal"] = json!(["no law at all"]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    let mut found: Vec<(String, &'static str)> = err
        .iter()
        .map(|e| {
            let kind = match e {
                Error::Shape { .. } => "shape",
                Error::UnknownWord { .. } => "word",
                Error::UnknownField { .. } => "field",
                Error::BadLegalRef { .. } => "legal",
                _ => "other",
            };
            (e.location().unwrap().path.clone(), kind)
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("criteria[0].legal[0]".to_string(), "legal"),
            ("gaps[0].severity".to_string(), "word"),
            ("gaps[0].sevrity".to_string(), "field"),
            ("relations[0].level".to_string(), "shape"),
            ("year".to_string(), "shape"),
        ],
        "{err}"
    );
    assert!(err.iter().all(|e| {
        e.location()
            .unwrap()
            .report
            .as_ref()
            .is_some_and(|r| r.as_str() == "eksempel-2025")
    }));
}

/// Issue 17, "the I/O error prints its cause twice": the cause is in the message and is not
/// also the error's source.
#[test]
fn an_io_error_prints_its_cause_once() {
    let err = Report::from_file("/no/such/dir/x.json").unwrap_err();
    let mut chain = err.to_string();
    let mut source = std::error::Error::source(&err);
    while let Some(s) = source {
        chain.push_str(&format!(" caused by: {s}"));
        source = s.source();
    }
    assert_eq!(
        chain.matches("No such file or directory").count(),
        1,
        "{chain}"
    );
    assert!(chain.contains("/no/such/dir/x.json"));
}

/// Issue 17, "validation accepts": dates not on the calendar, parent cycles of any length, text
/// of invisible characters, and a follow-up item about another report are rejected.
#[test]
fn validation_rejects_impossible_dates_parent_cycles_invisible_text_and_stray_follow_ups() {
    let base = Report::from_json_str(crate::EXAMPLE).unwrap();
    let problems = |change: &dyn Fn(&mut Report)| {
        let mut r = base.clone();
        change(&mut r);
        r.validate()
    };
    for (date, ok) in [
        ("2025-13-45", false),
        ("2025-02-29", false),
        ("2024-02-29", true),
        ("1900-02-29", false),
        ("2000-02-29", true),
        ("2025-04-31", false),
        ("2025-00", false),
        ("2025-12", true),
        ("2025", true),
    ] {
        let p = problems(&|r| r.date = Some(date.to_string()));
        assert_eq!(p.is_empty(), ok, "{date}: {p:?}");
    }
    let p = problems(&|r| {
        r.services[0].parent = Some(r.services[1].id.clone());
        r.services[1].parent = Some(r.services[2].id.clone());
        r.services[2].parent = Some(r.services[0].id.clone());
    });
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].to_string().contains("parent cycle"), "{}", p[0]);
    assert_eq!(p[0].location().unwrap().path, "services[0].parent");

    for invisible in ["\u{200b}\u{200d}", "\u{feff}", " \u{2060}\t", "\u{202e}"] {
        let p = problems(&|r| r.gaps[0].summary = invisible.to_string());
        assert!(
            matches!(&p[..], [Error::Empty { at, .. }] if at.path == "gaps[0].summary"),
            "{invisible:?}: {p:?}"
        );
    }
    let p = problems(&|r| {
        r.follows_up = Some("nes-2018".into());
        r.follow_ups.push(samhandling::model::FollowUp {
            id: "fu-1".into(),
            of: samhandling::model::ItemRef {
                report: "annen-2018".into(),
                item: "g-1".into(),
            },
            status: samhandling::taxonomy::FollowUpStatus::Implemented,
            summary: "done".into(),
            gaps: Vec::new(),
            evidence: r.evidence.clone(),
            note: None,
        });
    });
    assert!(
        matches!(&p[..], [Error::OutOfRange { at, .. }] if at.path == "follow_ups[0].of.report"),
        "{p:?}"
    );
}

/// Issue 17, "figure values are not kept as written": `12.50`, `1e3` and a 30-digit number
/// round-trip exactly as written.
#[test]
fn figure_values_are_kept_as_written() {
    for (written, kept) in [
        ("12.50", "12.50"),
        ("1e3", "1e3"),
        ("1E-2", "1E-2"),
        (
            "123456789012345678901234567890",
            "123456789012345678901234567890",
        ),
        ("-0.0", "-0.0"),
        ("7", "7"),
    ] {
        let text = crate::EXAMPLE.to_string();
        let mut v = example();
        v["figures"] = json!([{
            "id": "f-x", "counts": "users", "unit": "persons",
            "value": 0, "evidence": v["evidence"].clone()
        }]);
        let json = v
            .to_string()
            .replace("\"value\":0", &format!("\"value\":{written}"));
        assert_ne!(json, text);
        let report = Report::from_json_str(&json).unwrap();
        assert_eq!(report.figures[0].value.to_string(), kept);
        let back = report.to_json_string();
        assert!(back.contains(&format!("\"value\": {kept}")), "{back}");
        assert_eq!(Report::from_json_str(&back).unwrap(), report);
    }
    let mut v = example();
    v["figures"][0]["value"] = json!("12");
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::Shape { at, message } if at.path == "figures[0].value" && message.contains("a number such as 12")),
        "{err:?}"
    );
}

/// Issue 17, "where the code makes these easy to get wrong", 3: the variant is chosen by where
/// the problem stands, so a vocabulary word, a legal reference and a field name are each told
/// apart however their messages are worded.
#[test]
fn errors_are_classified_by_place_not_by_message() {
    let mut v = example();
    v["relations"][0]["kinds"] = json!(["referral", "tlf"]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownWord { at, .. } if at.path == "relations[0].kinds[1]"),
        "{err:?}"
    );
    let mut v = example();
    v["relations"][0]["kinds"] = json!([7]);
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::Shape { at, .. } if at.path == "relations[0].kinds[0]"),
        "{err:?}"
    );
    let mut v = example();
    v["closed"] = json!({"evidence": v["evidence"].clone(), "dato": "2025"});
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(
        matches!(&err, Error::UnknownField { at, .. } if at.path == "closed.dato"),
        "{err:?}"
    );
}

/// A key given twice is an error at its path, never a silent "last one wins", and it is
/// reported beside the record's other problems.
#[test]
fn a_key_given_twice_is_an_error_with_its_path() {
    let json = crate::EXAMPLE.replacen(
        "\"genre\": \"oppfolgingsundersokelse\",",
        "\"genre\": \"oppfolgingsundersokelse\", \"genre\": \"tilsyn\",",
        1,
    );
    assert_ne!(json, crate::EXAMPLE);
    let err = Report::from_json_str(&json).unwrap_err();
    assert!(
        matches!(&err, Error::Shape { at, message } if at.path == "genre" && message.contains("given twice")),
        "{err:?}"
    );
    let json = json.replacen("\"year\": 2025", "\"year\": \"2025\"", 1);
    let err = Report::from_json_str(&json).unwrap_err();
    assert_eq!(err.iter().count(), 2, "{err}");
}
