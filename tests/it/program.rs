//! The `samhandling` program, run as a researcher runs it: each subcommand's help, its output,
//! its messages on bad input, its exit codes, and what it leaves on disk when it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use samhandling::Report;
use samhandling::evidence::{Sources, check_file};

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_samhandling"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the program with `args` and returns its standard output; panics on failure.
pub(crate) fn stdout(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out.stdout
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samhandling-prog-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The names in `dir`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder holding the format example twice over, as two municipalities.
fn two_reports(name: &str) -> PathBuf {
    let dir = temp_dir(name);
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
fn every_subcommand_has_help_with_examples() {
    for (sub, options) in [
        ("check", &["--dir", "--sources"][..]),
        (
            "compare",
            &["--dir", "--sources", "--json", "--by-kinds", "--assessed"][..],
        ),
        (
            "graph",
            &["--dot", "--graphml", "--json", "--by-kind", "--force"][..],
        ),
        ("followup", &["--dir", "--json"][..]),
        ("export", &["--excel", "--force", "--by-kinds"][..]),
        ("schema", &["--output"][..]),
        ("report", &["--out", "--dir", "--sources", "--force"][..]),
        ("draft", &["--out", "--out-dir", "--force"][..]),
        ("score", &[][..]),
        ("codebook", &["--qdc", "--force"][..]),
    ] {
        let out = run(&[sub, "--help"]);
        assert!(out.status.success(), "{sub}");
        let help = text(&out.stdout);
        assert!(help.contains("Examples:"), "{sub}: {help}");
        assert!(help.contains(&format!("samhandling {sub}")), "{sub}");
        for option in options {
            assert!(help.contains(option), "{sub} {option}");
        }
    }
    let out = run(&["--help"]);
    for sub in ["check", "compare", "graph", "followup", "export", "schema"] {
        assert!(text(&out.stdout).contains(sub), "{sub}");
    }
}

#[test]
fn usage_errors_exit_2_and_bad_input_exits_1() {
    assert_eq!(run(&["compare", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["graph"]).status.code(), Some(2), "REPORT is required");
    let out = run(&["graph", "nope-1999"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("nope-1999") && stderr.contains("vestby-2025"),
        "the ids to choose from: {stderr}"
    );
}

#[test]
fn compare_on_the_bundled_corpus_counts_records_documents_and_municipalities() {
    let out = text(&stdout(&["compare"]));
    // Ten records, five documents: the 2015 municipal records and nes-2018 are derived.
    assert!(
        out.starts_with(
            "# 10 records from 5 source documents, covering 8 municipalities (5 records derived"
        ),
        "{out}"
    );
    // Recurrence names its unit and counts each municipality once.
    assert!(out.contains("of 8 municipalities"), "{out}");
    assert!(!out.contains("of 10"), "{out}");
    assert!(out.contains("# Gap matrix") && out.contains("# Follow-up: nes-2018 -> nes-2025"));
}

#[test]
fn compare_json_has_its_six_keys_and_is_byte_identical_across_runs() {
    let dir = two_reports("two-json");
    let out = stdout(&["compare", "--json", "--dir", s(&dir)]);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "followups",
            "matrix",
            "recurring",
            "reports",
            "similarity",
            "units"
        ]
    );
    assert_eq!(json["reports"].as_array().unwrap().len(), 2);
    assert_eq!(out, stdout(&["compare", "--json", "--dir", s(&dir)]));
}

#[test]
fn compare_dir_with_a_broken_file_exits_1_naming_file_and_path() {
    let dir = two_reports("two-broken");
    std::fs::write(
        dir.join("broken.json"),
        crate::EXAMPLE.replace(
            "\"severity\": \"improvement\"",
            "\"severity\": \"sometimes\"",
        ),
    )
    .unwrap();
    let out = run(&["compare", "--dir", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert!(stderr.contains("gaps[0].severity"), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// `--assessed` says on stderr how many gaps it leaves out, and the summary counts the others.
#[test]
fn compare_assessed_leaves_out_the_findings_only_gaps_and_says_how_many() {
    let all = run(&["compare", "--json"]);
    let assessed = run(&["compare", "--json", "--assessed"]);
    assert!(assessed.status.success(), "{}", text(&assessed.stderr));
    let stderr = text(&assessed.stderr);
    let left_out: u64 = stderr
        .split_once("--assessed: ")
        .and_then(|(_, rest)| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("a count on stderr: {stderr}"));
    let gaps = |out: &Output| -> u64 {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["gaps"].as_u64().unwrap() + r["resolved_gaps"].as_u64().unwrap())
            .sum()
    };
    assert!(left_out > 0);
    assert_eq!(gaps(&all) - gaps(&assessed), left_out);
}

#[test]
fn check_passes_the_bundled_records_and_fails_a_misplaced_quote_naming_file_path_and_line() {
    let out = run(&["check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).ends_with("0 problems in 10 valid records\n"));
    let dir = temp_dir("check");
    std::fs::write(dir.join("ok.json"), crate::EXAMPLE).unwrap();
    assert!(run(&["check", s(&dir.join("ok.json"))]).status.success());
    std::fs::write(
        dir.join("bad.json"),
        crate::EXAMPLE.replace("\"line\": 146", "\"line\": 600"),
    )
    .unwrap();
    let out = run(&["check", s(&dir.join("bad.json"))]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    let problem = report
        .lines()
        .find(|l| l.contains("questions[0].evidence[0]"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(problem.contains("bad.json"), "{problem}");
    assert!(problem.contains("not at line 600"), "{problem}");
}

/// A source text of one's own in a folder, and a record citing it.
fn own_record(dir: &Path, quote: &str) -> PathBuf {
    std::fs::write(
        dir.join("froland-2017-tilsyn.txt"),
        "Rapport frå tilsyn\n\nFylkesmannen fann at kommunen ikkje\nhar sikra at tenestene vert koordinerte.\n",
    )
    .unwrap();
    let json = crate::EXAMPLE.replace("000_b1b178c2101948b1.txt", "froland-2017-tilsyn.txt");
    let mut report = Report::from_json_str(&json).unwrap();
    for e in evidence_mut(&mut report) {
        e.line = 3;
        e.quote = quote.to_string();
    }
    let file = dir.join("records").join("froland-2017.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, report.to_json_string()).unwrap();
    file
}

/// Every piece of evidence of `report`, to rewrite.
fn evidence_mut(report: &mut Report) -> Vec<&mut samhandling::Evidence> {
    let mut out: Vec<&mut samhandling::Evidence> = report.evidence.iter_mut().collect();
    out.extend(
        report
            .questions
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .criteria
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .services
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .relations
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(report.gaps.iter_mut().flat_map(|x| x.evidence.iter_mut()));
    out.extend(
        report
            .recommendations
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .conclusions
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .decisions
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .follow_ups
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out.extend(
        report
            .figures
            .iter_mut()
            .flat_map(|x| x.evidence.iter_mut()),
    );
    out
}

#[test]
fn your_own_sources_check_clean_with_the_library_and_the_program() {
    let dir = temp_dir("own");
    let file = own_record(&dir, "kommunen ikkje har sikra at tenestene");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::rename(
        dir.join("froland-2017-tilsyn.txt"),
        texts.join("froland-2017-tilsyn.txt"),
    )
    .unwrap();

    // The library.
    let report = Report::from_file(&file).unwrap();
    let sources = Sources::with_dir(&texts).unwrap();
    assert!(check_file(&report, &sources, &file).is_empty());
    assert!(!check_file(&report, &Sources::bundled(), &file).is_empty());

    // The program, with --sources; without, the source is unknown and the message says how.
    let out = run(&["check", s(&file), "--sources", s(&texts)]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let out = run(&["check", s(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("--sources"),
        "{}",
        text(&out.stdout)
    );
    // compare and graph read the same way, and check the evidence too.
    let records = file.parent().unwrap();
    assert!(
        run(&["compare", "--dir", s(records), "--sources", s(&texts)])
            .status
            .success()
    );
    assert_eq!(
        run(&["compare", "--dir", s(records)]).status.code(),
        Some(1)
    );
    assert!(
        run(&[
            "graph",
            "eksempel-2025",
            "--dir",
            s(records),
            "--sources",
            s(&texts)
        ])
        .status
        .success()
    );

    // The default: a sources/ folder next to the records folder.
    std::fs::rename(&texts, dir.join("sources")).unwrap();
    let out = run(&["compare", "--dir", s(records)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_wrong_quote_in_your_own_source_is_reported_with_file_path_and_line() {
    let dir = temp_dir("own-wrong");
    let file = own_record(&dir, "kommunen har sikra alt");
    // The default sources/ folder inside the records folder.
    let records = file.parent().unwrap();
    std::fs::create_dir_all(records.join("sources")).unwrap();
    std::fs::rename(
        dir.join("froland-2017-tilsyn.txt"),
        records.join("sources").join("froland-2017-tilsyn.txt"),
    )
    .unwrap();
    let out = run(&["check", "--dir", s(records)]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout);
    let problem = report
        .lines()
        .find(|l| l.contains("gaps[0].evidence[0]"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(problem.contains("froland-2017.json"), "{problem}");
    assert!(
        problem.contains("froland-2017-tilsyn.txt") && problem.contains("line 3"),
        "{problem}"
    );
    let out = run(&["compare", "--dir", s(records)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("gaps[0].evidence[0]"));
}

#[test]
fn zero_records_is_an_error() {
    let dir = temp_dir("empty");
    for sub in ["compare", "check"] {
        let out = run(&[sub, "--dir", s(&dir)]);
        assert_eq!(out.status.code(), Some(1), "{sub}");
        let all = text(&out.stderr) + &text(&out.stdout);
        assert!(
            all.contains("no record files") && all.contains(s(&dir)),
            "{sub}: {all}"
        );
    }
}

#[test]
fn graph_writes_files_refuses_to_replace_them_without_force_and_leaves_nothing_half_written() {
    let dir = temp_dir("graph");
    let dot = dir.join("v.dot");
    let json = dir.join("v.json");
    let out = text(&stdout(&[
        "graph",
        "vestby-2025",
        "--dot",
        s(&dot),
        "--json",
        s(&json),
    ]));
    assert!(
        out.contains("brokers:") && out.contains("hospital-agreement"),
        "{out}"
    );
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("graph \"vestby-2025\"")
    );

    // An existing file: refused, named, with what to do.
    std::fs::write(&dot, "mine").unwrap();
    let out = run(&["graph", "vestby-2025", "--dot", s(&dot)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(s(&dot)) && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&dot).unwrap(), "mine");
    assert!(
        run(&["graph", "vestby-2025", "--dot", s(&dot), "--force"])
            .status
            .success()
    );
    assert_ne!(std::fs::read_to_string(&dot).unwrap(), "mine");

    // One output that cannot be written: none is written.
    let fresh = dir.join("fresh.dot");
    let bad = dir.join("no-such-folder").join("v.graphml");
    let out = run(&[
        "graph",
        "vestby-2025",
        "--dot",
        s(&fresh),
        "--graphml",
        s(&bad),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(s(&bad)), "{}", text(&out.stderr));
    assert!(!fresh.exists(), "nothing half-written");
    assert_eq!(listing(&dir), ["v.dot", "v.json"], "no temporary file left");
}

#[test]
fn export_writes_the_folder_whole_refuses_an_existing_one_and_names_a_bad_path() {
    let dir = temp_dir("export");
    let tables = dir.join("tables");
    let out = text(&stdout(&["export", s(&tables)]));
    assert!(out.contains("wrote 15 files"), "{out}");
    let names = listing(&tables);
    for name in [
        "datapackage.json",
        "heatmap.svg",
        "similarity.csv",
        "reports.csv",
    ] {
        assert!(names.contains(&name.to_string()), "{name}");
    }
    let out = run(&["export", s(&tables)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(s(&tables)) && stderr.contains("--force"),
        "{stderr}"
    );
    assert!(
        run(&["export", s(&tables), "--force", "--excel"])
            .status
            .success()
    );
    let gaps = std::fs::read(tables.join("gaps.csv")).unwrap();
    assert!(
        gaps.starts_with("\u{feff}".as_bytes()),
        "replaced by the Excel tables"
    );
    assert_eq!(listing(&dir), ["tables"], "no temporary folder left");

    let bad = dir.join("missing").join("tables");
    let out = run(&["export", s(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(s(&bad)), "{stderr}");
    assert!(!stderr.contains("os error 17"));
    assert_eq!(listing(&dir), ["tables"]);
}

#[test]
fn a_failed_write_to_standard_output_says_so() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full");
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin().arg("compare").stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("standard output"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    assert_eq!(
        text(&stdout(&["schema"])),
        include_str!("../../docs/report.schema.json")
    );
}

#[test]
fn followup_prints_each_item_with_its_evidence() {
    let out = text(&stdout(&["followup", "nes-2025"]));
    assert!(
        out.starts_with("# Follow-up: nes-2018 -> nes-2025"),
        "{out}"
    );
    assert!(out.contains("000_b1b178c2101948b1.txt"));
    let out = run(&["followup", "vestby-2025"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("follows up no report"));
}

/// Loads the graph files with NetworkX as a researcher would, where python3 and networkx are
/// installed (skips otherwise): node-link with no arguments, GraphML, and writing both back
/// out for Gephi.
#[test]
fn networkx_loads_the_graph_files_where_it_is_installed() {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with networkx is not installed");
        return;
    }
    let corpus = samhandling::Corpus::bundled().unwrap();
    let vestby = corpus.get("vestby-2025").unwrap();
    let structure = samhandling::graph::structure(vestby);
    let dir = temp_dir("networkx");
    let (json, graphml) = (dir.join("v.json"), dir.join("v.graphml"));
    stdout(&[
        "graph",
        "vestby-2025",
        "--json",
        s(&json),
        "--graphml",
        s(&graphml),
    ]);
    let script = format!(
        "import json, networkx as nx\n\
         G = nx.node_link_graph(json.load(open({json:?})))\n\
         H = nx.read_graphml({graphml:?})\n\
         assert G.number_of_nodes() == H.number_of_nodes() == {nodes}, (G, H)\n\
         assert G.number_of_edges() == H.number_of_edges() == {edges}, (G, H)\n\
         assert H.nodes['phr']['broker'] is {broker} and isinstance(H.nodes['phr']['betweenness'], float)\n\
         assert isinstance(G.nodes['phr']['articulation_point'], bool)\n\
         assert G.graph['report'] == H.graph['report'] == 'vestby-2025'\n\
         nx.write_graphml(G, {out1:?})\n\
         nx.write_gexf(H, {out2:?})\n\
         print('ok')\n",
        json = s(&json),
        graphml = s(&graphml),
        out1 = s(&dir.join("again.graphml")),
        out2 = s(&dir.join("again.gexf")),
        nodes = vestby.services.len(),
        edges = vestby.relations.len(),
        broker = if structure.brokers.iter().any(|b| b == "phr") {
            "True"
        } else {
            "False"
        },
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_duplicate_report_id_names_both_files() {
    let dir = temp_dir("dup");
    std::fs::write(dir.join("a.json"), crate::EXAMPLE).unwrap();
    std::fs::write(dir.join("b.json"), crate::EXAMPLE).unwrap();
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    let out = run(&["check", s(&a), s(&b)]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("duplicate report id"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.contains(s(&a)) && line.contains(s(&b)), "{line}");
    let out = run(&["compare", "--dir", s(&a), "--dir", s(&b)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(s(&a)) && stderr.contains(s(&b)), "{stderr}");
}

/// Validates the exported tables with the Frictionless Data reference validator where it is
/// installed (`pip install frictionless`; skips otherwise), in both CSV formats.
#[test]
fn frictionless_validates_the_exported_tables_where_it_is_installed() {
    let probe = Command::new("frictionless").arg("--version").output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: frictionless is not installed");
        return;
    }
    let dir = temp_dir("frictionless");
    for (name, extra) in [("plain", None), ("excel", Some("--excel"))] {
        let tables = dir.join(name);
        let mut args = vec!["export", s(&tables)];
        args.extend(extra);
        stdout(&args);
        let out = Command::new("frictionless")
            .args(["validate", "--json"])
            .arg(tables.join("datapackage.json"))
            .output()
            .unwrap();
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("{}", text(&out.stderr)));
        assert_eq!(report["valid"], true, "{name}: {report:#}");
    }
}

#[test]
fn report_writes_one_self_contained_page_and_refuses_to_overwrite() {
    let dir = temp_dir("report");
    let page = dir.join("report.html");
    let out = run(&["report", "--out", s(&page)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("vestby-2025"));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
    let again = run(&["report", "--out", s(&page)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("--force"));
}

#[test]
fn draft_of_a_bundled_source_loads_and_scores_against_its_record() {
    let dir = temp_dir("draft");
    let record = dir.join("draft.json");
    let source = "data/sources/000_b1b178c2101948b1.txt";
    let out = run(&["draft", source, "--out", s(&record)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let drafted = samhandling::Report::from_file(&record).unwrap();
    assert!(drafted.draft.is_some(), "a draft says it is one");
    let score = text(&stdout(&[
        "score",
        s(&record),
        "data/reports/nes-2025.json",
    ]));
    assert!(
        score.contains("recall") && score.contains("services"),
        "{score}"
    );
    // Whatever reads it warns that it is an unreviewed draft; a reviewed record gives no such
    // warning.
    let compared = run(&["compare", "--dir", s(&record)]);
    assert!(compared.status.success(), "{}", text(&compared.stderr));
    assert!(
        text(&compared.stderr).contains("unreviewed machine draft"),
        "{}",
        text(&compared.stderr)
    );
    let reviewed = run(&["compare", "--dir", "data/reports/nes-2025.json"]);
    assert!(!text(&reviewed.stderr).contains("machine draft"));
    let missing = run(&["draft", "no-such-report.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no-such-report.txt"));
}

#[test]
fn draft_of_several_texts_writes_one_record_each_or_nothing() {
    let dir = temp_dir("drafts");
    let out_dir = dir.join("drafts");
    let texts = [
        "data/sources/001_63ae963b3afabc75.txt",
        "tests/fixtures/draft/tilsyn.txt",
    ];
    let out = run(&["draft", texts[0], texts[1], "--out-dir", s(&out_dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    for (text_path, record) in [
        (texts[0], "001_63ae963b3afabc75.json"),
        (texts[1], "tilsyn.json"),
    ] {
        let drafted = samhandling::Report::from_file(out_dir.join(record)).unwrap();
        assert!(drafted.draft.is_some(), "{record}");
        let name = std::path::Path::new(text_path).file_name().unwrap();
        assert!(
            drafted
                .evidence()
                .iter()
                .all(|(_, e)| e.source == name.to_string_lossy()),
            "{record}: quotes cite the text by its file name"
        );
        assert!(said.contains(record), "{said}");
    }
    assert!(
        said.contains("tilsyn.txt: ") && said.contains(" gaps, "),
        "{said}"
    );
    // Again without --force: refused before anything is written, the records kept as they were.
    let before = std::fs::read(out_dir.join("tilsyn.json")).unwrap();
    std::fs::remove_file(out_dir.join("001_63ae963b3afabc75.json")).unwrap();
    let again = run(&["draft", texts[0], texts[1], "--out-dir", s(&out_dir)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("--force"));
    assert!(
        !out_dir.join("001_63ae963b3afabc75.json").exists(),
        "nothing half-written"
    );
    assert_eq!(std::fs::read(out_dir.join("tilsyn.json")).unwrap(), before);
    // Several texts need --out-dir; a text that is not UTF-8 is named.
    let two = run(&["draft", texts[0], texts[1]]);
    assert_eq!(two.status.code(), Some(2));
    assert!(
        text(&two.stderr).contains("--out-dir"),
        "{}",
        text(&two.stderr)
    );
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Tilsyn med B\xe6rum kommune\n").unwrap();
    let bad = run(&["draft", s(&latin1)]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("not UTF-8"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn codebook_writes_csv_and_a_refi_qda_codebook() {
    let csv_text = stdout(&["codebook"]);
    let mut reader = csv::Reader::from_reader(&csv_text[..]);
    let rows = reader.records().count();
    assert_eq!(rows, samhandling::taxonomy::GapCategory::ALL.len());
    let dir = temp_dir("codebook");
    let qdc = dir.join("codes.qdc");
    let out = run(&["codebook", "--qdc", s(&qdc)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = std::fs::read_to_string(&qdc).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "CodeBook");
}
