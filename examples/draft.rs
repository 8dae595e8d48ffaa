//! Drafts a record from a report's plain text, or scores the drafts of the bundled sources.
//!
//! ```text
//! cargo run --example draft -- path/to/report.txt > draft.json
//! cargo run --release --example draft -- --bundled     # the score table of BENCHMARKS.md
//! ```

use std::time::Instant;

use samhandling::Corpus;
use samhandling::draft::{Score, SectionScore, draft, score, score::reviewed_for};
use samhandling::evidence::Sources;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arg = std::env::args()
        .nth(1)
        .ok_or("usage: draft SOURCE.txt | --bundled")?;
    if arg == "--outline" {
        let path = std::env::args()
            .nth(2)
            .ok_or("usage: draft --outline SOURCE.txt")?;
        let text = std::fs::read_to_string(&path)?;
        let d = draft("x.txt", &text)?;
        for h in &d.outline.headings {
            println!(
                "{:>5} {:<8} L{} {:?} {}",
                h.line,
                h.number.as_deref().unwrap_or("-"),
                h.level,
                h.role,
                h.text
            );
        }
        println!(
            "contents: {:?}\nnoise: {:?}",
            d.outline.contents, d.outline.noise
        );
        return Ok(());
    }
    if arg == "--misses" {
        // The reviewed gaps of one bundled source the draft misses, with the drafted gaps near them.
        let name = std::env::args()
            .nth(2)
            .ok_or("usage: draft --misses SOURCE_NAME")?;
        let corpus = Corpus::bundled()?;
        let sources = Sources::bundled();
        let d = draft(&name, sources.text(&name).ok_or("unknown source")?)?;
        for r in reviewed_for(&corpus, &name) {
            for g in &r.gaps {
                let ev = &g.evidence[0];
                let near: Vec<String> = d
                    .report
                    .gaps
                    .iter()
                    .filter(|x| x.evidence.iter().any(|e| e.line.abs_diff(ev.line) <= 5))
                    .map(|x| format!("{}@{}", x.category, x.evidence[0].line))
                    .collect();
                if near
                    .iter()
                    .any(|n| n.starts_with(&format!("{}@", g.category)))
                {
                    continue;
                }
                println!(
                    "MISS {} {:?} {} {}: {} | near: {}",
                    ev.line,
                    g.stated_in.map(|s| s.to_string()),
                    g.category,
                    g.severity,
                    ev.quote
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .chars()
                        .take(150)
                        .collect::<String>(),
                    near.join(" ")
                );
            }
        }
        let reviewed = reviewed_for(&corpus, &name);
        for g in &d.report.gaps {
            let near: Vec<String> = reviewed
                .iter()
                .flat_map(|r| &r.gaps)
                .filter(|x| {
                    x.evidence
                        .iter()
                        .any(|e| g.evidence.iter().any(|f| e.line.abs_diff(f.line) <= 5))
                })
                .map(|x| format!("{}@{}", x.category, x.evidence[0].line))
                .collect();
            if near
                .iter()
                .any(|n| n.starts_with(&format!("{}@", g.category)))
            {
                continue;
            }
            println!(
                "FALSE {} {} {}: {} | near: {} | {}",
                g.evidence[0].line,
                g.category,
                g.severity,
                g.evidence[0]
                    .quote
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(150)
                    .collect::<String>(),
                near.join(" "),
                g.note
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .take(70)
                    .collect::<String>()
            );
        }
        let names_d: Vec<String> = d.report.services.iter().map(|s| s.name.clone()).collect();
        println!("DRAFTED SERVICES: {}", names_d.join(" | "));
        return Ok(());
    }
    if arg != "--bundled" {
        let path = std::path::Path::new(&arg);
        let text = std::fs::read_to_string(path)?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("source.txt");
        let d = draft(name, &text)?;
        println!("{}", d.report.to_json_string());
        return Ok(());
    }
    let corpus = Corpus::bundled()?;
    let sources = Sources::bundled();
    let mut all = Vec::new();
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
        let s = score(&d.report, reviewed);
        print!("{s}");
        all.push(s);
    }
    // Pooled over the five sources: items matched over items.
    println!("== pooled over the five sources");
    for (section, pick) in [
        (
            "services",
            (|s: &Score| s.services) as fn(&Score) -> SectionScore,
        ),
        ("gaps", |s: &Score| s.gaps),
        ("recommendations", |s: &Score| s.recommendations),
        ("relations", |s: &Score| s.relations),
        ("conclusions", |s: &Score| s.conclusions),
        ("follow_ups", |s: &Score| s.follow_ups),
    ] {
        let (mut d, mut r, mut dm, mut rm) = (0, 0, 0, 0);
        for s in &all {
            let x = pick(s);
            (d, r, dm, rm) = (
                d + x.drafted,
                r + x.reviewed,
                dm + x.drafted_matched,
                rm + x.reviewed_matched,
            );
        }
        println!(
            "{section:<16} {d:>7}  {r:>8}  {:>6.2}  {:>9.2}",
            rm as f64 / r.max(1) as f64,
            dm as f64 / d.max(1) as f64
        );
    }
    Ok(())
}
