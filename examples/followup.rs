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

    println!("# {earlier} -> {later}");
    println!(
        "(stated: the verdict {later} states, kept as stated; inferred: no verdict stated, and the \
         items of {later} the crate relates to the matter are listed; that relation is the crate's \
         inference, not the auditor's verdict)"
    );
    println!("\n## Decision points and recommendations of {earlier}");
    for item in &report.items {
        println!("- {} {}: {}", item.what, item.number, item.text);
        println!("    now: {}", item.outcome.words());
        if let Some(summary) = &item.summary {
            println!("    {later} says: {summary}");
        }
        for e in &item.evidence {
            println!("    {}:{}  «{}»", e.source, e.line, e.quote);
        }
        print_related(&item.related);
    }
    println!("\n## Gaps of {earlier}");
    for g in &report.gaps {
        println!("- {} [{}] {}", g.gap, g.key, g.summary);
        println!(
            "    now: {}{}",
            g.outcome.words(),
            if g.later_gaps.is_empty() {
                String::new()
            } else {
                format!("; {later} gaps {}", g.later_gaps.join(", "))
            }
        );
        for e in &g.evidence {
            println!("    {}:{}  «{}»", e.source, e.line, e.quote);
        }
        print_related(&g.related);
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

/// The later items related to an item with no stated verdict, labelled as the crate's inference.
fn print_related(related: &[samhandling::compare::Related]) {
    if related.is_empty() {
        return;
    }
    println!("    related in the later report (the crate's inference, not a verdict):");
    for r in related {
        let at: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}:{}", e.source, e.line))
            .collect();
        println!(
            "      {:?} {} [{}] {} ({}) {}",
            r.what,
            r.id,
            r.status,
            r.summary,
            r.why,
            at.join(", ")
        );
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
