//! The example programs, run as a researcher runs them: the compiled binaries of `examples/`,
//! which `cargo test` builds.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The compiled example `name`, beside this test binary (target/<profile>/examples/).
fn example(name: &str) -> Command {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().join("examples");
    let mut cmd = Command::new(dir.join(name));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the example is built by cargo test")
}

/// Runs example `name` with `args` and returns its standard output; panics on failure.
pub(crate) fn run_example(name: &str, args: &[&str]) -> Vec<u8> {
    let out = run(example(name).args(args));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samhandling-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A directory holding the format example twice over, as two municipalities.
fn two_reports() -> PathBuf {
    // A directory of its own per call: tests run in parallel, and one removing a shared
    // directory made another fail now and then.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = temp_dir(&format!("two-{n}"));
    std::fs::write(dir.join("a.json"), crate::EXAMPLE).unwrap();
    let other = crate::EXAMPLE
        .replace("\"eksempel-2025\"", "\"annen-2024\"")
        .replace(
            "\"municipalities\": [\"Nes\"]",
            "\"municipalities\": [\"Eidsvoll\"]",
        );
    std::fs::write(dir.join("b.json"), other).unwrap();
    dir
}

#[test]
fn compare_json_has_the_five_keys_and_is_byte_identical_across_runs() {
    let dir = two_reports();
    let out = run(example("compare").args(["--json", "--dir"]).arg(&dir));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect(); // sorted by serde_json
    assert_eq!(
        keys,
        ["followups", "matrix", "recurring", "reports", "similarity"]
    );
    assert_eq!(json["reports"].as_array().unwrap().len(), 2);
    let again = run(example("compare").args(["--json", "--dir"]).arg(&dir));
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn compare_csv_tables_parse_with_one_row_per_report() {
    let dir = two_reports();
    let csv_dir = temp_dir("csv");
    let out = run(example("compare")
        .arg("--dir")
        .arg(&dir)
        .arg("--csv")
        .arg(&csv_dir));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["matrix.csv", "matrix_presence.csv"] {
        let mut reader = csv::Reader::from_path(csv_dir.join(name)).unwrap();
        let header = reader.headers().unwrap().clone();
        assert_eq!(&header[0], "report");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2, "{name}: one row per report");
        assert!(rows.iter().all(|r| r.len() == header.len()));
    }
    for (name, rows) in [
        ("gaps.csv", 2),
        ("services.csv", 8),
        ("relations.csv", 4),
        ("recurrence.csv", 1),
        ("similarity.csv", 1),
    ] {
        let mut reader = csv::Reader::from_path(csv_dir.join(name)).unwrap();
        assert_eq!(reader.records().count(), rows, "{name}");
    }
    let mut gaps = csv::Reader::from_path(csv_dir.join("gaps.csv")).unwrap();
    let headers = gaps.headers().unwrap().clone();
    let first = gaps.records().next().unwrap().unwrap();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&first[col("source")], "000_b1b178c2101948b1.txt");
    assert_eq!(&first[col("line")], "795");
}

#[test]
fn compare_dir_with_a_broken_file_exits_non_zero_naming_it() {
    let dir = two_reports();
    std::fs::write(
        dir.join("broken.json"),
        "{\"id\": \"x-2020\", \"year\": \"nope\"",
    )
    .unwrap();
    let out = run(example("compare").arg("--dir").arg(&dir));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn compare_help_explains_the_options() {
    let out = run(example("compare").arg("--help"));
    let text = String::from_utf8_lossy(&out.stdout);
    for option in ["--dir", "--json", "--csv", "--by-kinds", "--assessed"] {
        assert!(text.contains(option), "{option}");
    }
}

#[test]
fn check_reports_problems_with_a_non_zero_exit() {
    let dir = temp_dir("check");
    std::fs::write(dir.join("ok.json"), crate::EXAMPLE).unwrap();
    assert!(
        run(example("check").arg(dir.join("ok.json")))
            .status
            .success()
    );
    std::fs::write(
        dir.join("bad.json"),
        crate::EXAMPLE.replace("\"line\": 146", "\"line\": 600"),
    )
    .unwrap();
    let out = run(example("check").arg(dir.join("bad.json")));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("questions[0].evidence[0]"));
}

#[test]
fn graph_names_the_report_ids_for_an_unknown_id_and_writes_exports() {
    let out = run(example("graph").arg("nope-1999"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("nope-1999") && stderr.contains("vestby-2025"),
        "{stderr}"
    );
    let dir = temp_dir("graph");
    let dot = dir.join("v.dot");
    let stdout = run_example(
        "graph",
        &[
            "vestby-2025",
            "--dot",
            dot.to_str().unwrap(),
            "--graphml",
            dir.join("v.graphml").to_str().unwrap(),
        ],
    );
    let text = String::from_utf8_lossy(&stdout);
    assert!(
        text.contains("brokers:") && text.contains("hospital-agreement"),
        "{text}"
    );
    assert!(std::fs::read_to_string(dot).unwrap().starts_with("digraph"));
}

#[test]
fn romerike_and_followup_print_their_comparisons() {
    let text = String::from_utf8(run_example("romerike", &[])).unwrap();
    assert!(
        text.contains("coordinating_unit") && text.contains("agrees"),
        "{text}"
    );
    let text = String::from_utf8(run_example("followup", &[])).unwrap();
    assert!(
        text.contains("decision 3") && text.contains("000_b1b178c2101948b1.txt"),
        "{text}"
    );
}

/// `--assessed` says on stderr how many gaps it leaves out, and the summary it prints counts only
/// the others.
#[test]
fn compare_assessed_leaves_out_the_findings_only_gaps_and_says_how_many() {
    let all = run(example("compare").arg("--json"));
    let assessed = run(example("compare").args(["--json", "--assessed"]));
    assert!(
        assessed.status.success(),
        "{}",
        String::from_utf8_lossy(&assessed.stderr)
    );
    let stderr = String::from_utf8_lossy(&assessed.stderr);
    let left_out: u64 = stderr
        .split_once("--assessed: ")
        .and_then(|(_, rest)| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("a count on stderr: {stderr}"));
    // Current and resolved gaps: the count on stderr is of all gaps.
    let gaps = |out: &Output| -> u64 {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let reports = json["reports"].as_array().unwrap();
        reports
            .iter()
            .map(|r| r["gaps"].as_u64().unwrap() + r["resolved_gaps"].as_u64().unwrap())
            .sum()
    };
    assert!(left_out > 0);
    assert_eq!(gaps(&all) - gaps(&assessed), left_out);
}
