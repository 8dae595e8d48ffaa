//! Reproduces the 2015 comparison note (seed 001) automatically: from the four municipal records
//! alone, which gap keys recur in all four, and in three of four, set side by side with the
//! challenges the note itself calls common (record `romerike-2015`), with source lines.
//!
//! ```text
//! cargo run --example romerike
//! cargo run --example romerike -- --by-kinds     # compare category plus service kinds
//! ```

use std::error::Error;

use samhandling::Corpus;
use samhandling::compare::{KeyMode, synthesis_check};

const MUNICIPAL: [&str; 4] = [
    "ralingen-2015",
    "skedsmo-2015",
    "lorenskog-2015",
    "ullensaker-2015",
];

fn run() -> Result<(), Box<dyn Error>> {
    let mode = match std::env::args().nth(1).as_deref() {
        None => KeyMode::Category,
        Some("--by-kinds") => KeyMode::CategoryAndKinds,
        Some(other) => {
            return Err(format!("unknown argument `{other}`; use --by-kinds or nothing").into());
        }
    };
    let corpus = Corpus::bundled()?;
    let parts = corpus.select(MUNICIPAL)?;
    let note = corpus
        .get("romerike-2015")
        .ok_or("the bundled corpus lacks romerike-2015")?;
    for min in [4, 3] {
        let check = synthesis_check(&parts, note, mode, min);
        println!("# Common to at least {min} of 4 municipal records ({mode:?})\n");
        println!(
            "  {:<44} {:<10} municipalities with it",
            "what the note says (romerike-2015)", "computed"
        );
        for s in &check.stated {
            let at: Vec<String> = s
                .evidence
                .iter()
                .map(|e| format!("{}:{}", e.source, e.line))
                .collect();
            let (verdict, who) = match &s.computed {
                Some(k) => (
                    format!("{} of 4", k.reports.len()),
                    k.municipalities.join(", "),
                ),
                None => ("0 of 4".to_string(), String::new()),
            };
            let mark = if s.recovered { "agrees" } else { "DIFFERS" };
            println!(
                "  {:<44} {:<10} {who}  [{mark}]",
                s.key.to_string(),
                verdict
            );
            println!("      stated at {}", at.join(", "));
        }
        println!("\n  computed as common but not stated as such in the note's summary:");
        for k in &check.computed_only {
            let lines: Vec<String> = MUNICIPAL
                .iter()
                .filter_map(|id| parts.get(id))
                .flat_map(|r| {
                    r.gaps
                        .iter()
                        .filter(|g| samhandling::compare::GapKey::of(r, g, mode) == k.key)
                })
                .flat_map(|g| g.evidence.iter().map(|e| e.line.to_string()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            println!(
                "    {:<42} {} of 4 (001 lines {})",
                k.key.to_string(),
                k.reports.len(),
                lines.join(", ")
            );
        }
        println!();
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
