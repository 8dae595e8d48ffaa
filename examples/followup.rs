//! Follows up Nes: each point of the council decision sak 103/18 and each 2018 gap, with its
//! status in the 2025 follow-up and the evidence for it.
//!
//! ```text
//! cargo run --example followup                    # nes-2018 -> nes-2025
//! cargo run --example followup -- EARLIER LATER   # any pair of bundled records
//! ```

use std::error::Error;

use samhandling::Corpus;
use samhandling::compare::{KeyMode, follow_up};
use samhandling::taxonomy::Vocabulary;

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (earlier, later) = match args.as_slice() {
        [] => ("nes-2018", "nes-2025"),
        [a, b] => (a.as_str(), b.as_str()),
        _ => return Err("usage: followup [EARLIER LATER]".into()),
    };
    let corpus = Corpus::bundled()?;
    let (a, b) = (corpus.report(earlier)?, corpus.report(later)?);
    let report = follow_up(a, b, KeyMode::Category);

    println!("# {earlier} -> {later}\n\n## Decision points and recommendations of {earlier}");
    for item in &report.items {
        println!("- {} {}: {}", item.what, item.number, item.text);
        match item.status {
            Some(status) => println!(
                "    now: {} ({})",
                status.english(),
                item.summary.as_deref().unwrap_or("")
            ),
            None => println!("    now: not addressed by {later}"),
        }
        for e in &item.evidence {
            println!("    {}:{}  «{}»", e.source, e.line, e.quote);
        }
    }
    println!("\n## Gaps of {earlier}");
    for g in &report.gaps {
        println!("- {} [{}] {}", g.gap, g.key, g.summary);
        println!(
            "    now: {:?}, found by {:?}{}",
            g.outcome,
            g.basis,
            if g.later_gaps.is_empty() {
                String::new()
            } else {
                format!("; {later} gaps {}", g.later_gaps.join(", "))
            }
        );
        for e in &g.evidence {
            println!("    {}:{}  «{}»", e.source, e.line, e.quote);
        }
    }
    println!("\n## New in {later}");
    for id in &report.new_gaps {
        if let Some(g) = b.gap(id) {
            let at = g
                .evidence
                .first()
                .map(|e| format!("{}:{}", e.source, e.line))
                .unwrap_or_default();
            println!(
                "- {id} [{}, {}] {} ({at})",
                g.category, g.severity, g.summary
            );
        }
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
