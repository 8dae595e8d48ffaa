//! The example programs, which teach the library API, run as a reader runs them: the compiled
//! binaries of `examples/`, which `cargo test` builds. (The program a researcher runs is
//! `samhandling`, tested in `program.rs`.)

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
fn run_example(name: &str, args: &[&str]) -> String {
    let out = run(example(name).args(args));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn graph_example_prints_the_structure_and_the_export_sizes() {
    let text = run_example("graph", &[]);
    let corpus = samhandling::Corpus::bundled().unwrap();
    let vestby = corpus.get("vestby-2025").unwrap();
    let s = samhandling::graph::structure(vestby);
    assert!(
        text.starts_with(&format!(
            "vestby-2025: {} services, {} working links",
            s.n_nodes, s.n_links
        )) && text.contains(&format!("brokers: {}", s.brokers.join(", "))),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "node-link: {} nodes, {} edges",
            vestby.services.len(),
            vestby.relations.len()
        )),
        "{text}"
    );
    let out = run(example("graph").arg("nope-1999"));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("vestby-2025"));
}

#[test]
fn own_sources_example_checks_records_against_a_folder_of_texts() {
    let dir = std::env::temp_dir().join(format!("samhandling-ex-own-{}", std::process::id()));
    let (records, texts) = (dir.join("records"), dir.join("texts"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&records).unwrap();
    std::fs::create_dir_all(&texts).unwrap();
    let bundled = samhandling::evidence::Sources::bundled();
    let text = bundled.text("000_b1b178c2101948b1.txt").unwrap();
    std::fs::write(texts.join("nes.txt"), text).unwrap();
    std::fs::write(
        records.join("a.json"),
        crate::EXAMPLE.replace("000_b1b178c2101948b1.txt", "nes.txt"),
    )
    .unwrap();
    let out = run_example(
        "own_sources",
        &[records.to_str().unwrap(), texts.to_str().unwrap()],
    );
    assert!(out.ends_with("1 records, 0 evidence problems\n"), "{out}");
    std::fs::write(texts.join("nes.txt"), "another text\n").unwrap();
    let out = run(example("own_sources").arg(&records).arg(&texts));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("beyond the end of `nes.txt`"));
}

#[test]
fn romerike_and_followup_print_their_comparisons() {
    let text = run_example("romerike", &[]);
    assert!(
        text.contains("coordinating_unit") && text.contains("supported, in"),
        "{text}"
    );
    let text = run_example("followup", &[]);
    assert!(
        text.contains("decision 3") && text.contains("000_b1b178c2101948b1.txt"),
        "{text}"
    );
}

#[test]
fn compare_example_counts_municipalities_and_cites_a_line() {
    let text = run_example("compare", &[]);
    assert!(text.contains("of 8 municipalities"), "{text}");
    assert!(text.contains("e.g. ") && text.contains(".txt:"), "{text}");
}
