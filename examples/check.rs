//! Checks report records: reads every file (or every `*.json` in every directory) given, validates
//! each, checks the links between them, and checks every quote against the source documents of
//! `data/sources/` (bundled in the crate). Prints every problem and a count per record.
//!
//! ```text
//! cargo run --example check -- data/reports
//! cargo run --example check -- my-report.json other-report.json
//! ```
//!
//! Exits 1 when any problem is found, so it can guard a hand-encoded record in a script.

use std::error::Error;
use std::path::PathBuf;

use samhandling::evidence::{Sources, check_report};
use samhandling::{Corpus, Report};

fn run() -> Result<usize, Box<dyn Error>> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.is_empty() || args.iter().any(|a| a == "--help" || a == "-h") {
        println!("usage: cargo run --example check -- FILE_OR_DIR...");
        return Ok(0);
    }
    let mut files = Vec::new();
    for arg in &args {
        if arg.is_dir() {
            let mut in_dir: Vec<PathBuf> = std::fs::read_dir(arg)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            in_dir.sort();
            files.extend(in_dir);
        } else {
            files.push(arg.clone());
        }
    }
    let sources = Sources::bundled();
    let mut problems = 0;
    let mut reports = Vec::new();
    for file in &files {
        match Report::from_file(file) {
            Ok(report) => {
                let errors = check_report(&report, &sources);
                for e in &errors {
                    println!("{}: {e}", file.display());
                }
                problems += errors.len();
                println!(
                    "{}: {} services, {} relations, {} gaps, {} recommendations, {} evidence problems",
                    report.id,
                    report.services.len(),
                    report.relations.len(),
                    report.gaps.len(),
                    report.recommendations.len(),
                    errors.len()
                );
                reports.push(report);
            }
            Err(e) => {
                for e in e.iter() {
                    println!("{e}");
                    problems += 1;
                }
            }
        }
    }
    if let Err(e) = Corpus::from_reports(reports) {
        for e in e.iter() {
            println!("{e}");
            problems += 1;
        }
    }
    println!("{problems} problems in {} files", files.len());
    Ok(problems)
}

fn main() {
    match run() {
        Ok(0) => {}
        Ok(_) => std::process::exit(1),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
