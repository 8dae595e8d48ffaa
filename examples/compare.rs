//! The comparison in a few lines of library code: which coordination gaps recur in how many
//! municipalities, each municipality counted once, with the lines that state them. The program
//! (`cargo run --release -- compare`) prints the whole comparison; this shows the calls.
//!
//! ```text
//! cargo run --release --example compare
//! ```

use std::error::Error;

use samhandling::Corpus;
use samhandling::compare::{KeyMode, current_gaps, recurrence};

fn run() -> Result<(), Box<dyn Error>> {
    let corpus = Corpus::bundled()?;
    let recurring = recurrence(&corpus, KeyMode::Category);
    println!("# Gaps that recur ({} counted once each)", recurring.unit);
    for key in recurring.keys.iter().filter(|k| k.units.len() > 1) {
        println!(
            "{:<24} {}: {}",
            key.key.to_string(),
            recurring.in_words(key),
            key.units.join(", ")
        );
        // The first line that states it, in the first counted record that has it.
        if let Some(report) = key
            .reports
            .first()
            .and_then(|id| corpus.report(id.as_str()).ok())
            && let Some(gap) = current_gaps(report).find(|g| g.category == key.key.category)
        {
            let ev = &gap.evidence[0];
            println!(
                "    e.g. {} {}:{} «{}»",
                report.id, ev.source, ev.line, ev.quote
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
