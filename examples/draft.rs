//! Drafts a record from a report's plain text, or scores the drafts of the bundled sources.
//!
//! ```text
//! cargo run --example draft -- path/to/report.txt > draft.json
//! cargo run --release --example draft -- --bundled     # the score table of BENCHMARKS.md
//! ```

use std::time::Instant;

use samhandling::Corpus;
use samhandling::draft::{draft, score::reviewed_for, score};
use samhandling::evidence::Sources;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args().nth(1).ok_or("usage: draft SOURCE.txt | --bundled")?;
    if arg != "--bundled" {
        let path = std::path::Path::new(&arg);
        let text = std::fs::read_to_string(path)?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("source.txt");
        let d = draft(name, &text)?;
        println!("{}", d.report.to_json_string());
        return Ok(());
    }
    let corpus = Corpus::bundled()?;
    let sources = Sources::bundled();
    for name in sources.names() {
        let text = sources.text(name).unwrap_or_default();
        let start = Instant::now();
        let d = draft(name, text)?;
        let took = start.elapsed();
        let reviewed = reviewed_for(&corpus, name);
        let ids: Vec<&str> = reviewed.iter().map(|r| r.id.as_str()).collect();
        println!(
            "== {name} ({} lines, drafted in {:.1} ms, {} dropped) against {}",
            text.lines().count(),
            took.as_secs_f64() * 1000.0,
            d.dropped,
            ids.join(", ")
        );
        print!("{}", score(&d.report, reviewed));
    }
    Ok(())
}
