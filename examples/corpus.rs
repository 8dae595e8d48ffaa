//! Prints what each bundled record holds: services, relations by status, gaps by severity and by
//! where the report states them, recommendations, figures, and the other items, one table row
//! per record.
//!
//! ```text
//! cargo run --example corpus
//! cargo run --example corpus -- --dir my-reports/
//! ```

use std::error::Error;

use samhandling::Corpus;
use samhandling::taxonomy::{Severity, StatedIn, Status, Vocabulary};

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = match args.as_slice() {
        [] => Corpus::bundled()?,
        [flag, dir] if flag == "--dir" => Corpus::load_dir(dir)?,
        _ => return Err("usage: corpus [--dir DIR]".into()),
    };
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.word()).collect();
    let severities: Vec<&str> = Severity::ALL.iter().map(|s| s.word()).collect();
    let stated: Vec<&str> = StatedIn::ALL.iter().map(|s| s.word()).collect();
    println!(
        "| record | genre | questions | criteria | services | relations ({}) | gaps ({}) | gaps stated in ({} / not said) | recommendations | conclusions | decisions | follow-ups | figures |",
        statuses.join(" / "),
        severities.join(" / "),
        stated.join(" / ")
    );
    println!("|{}", " --- |".repeat(13));
    for r in &corpus {
        let by_status: Vec<String> = Status::ALL
            .iter()
            .map(|s| {
                r.relations
                    .iter()
                    .filter(|x| x.status == *s)
                    .count()
                    .to_string()
            })
            .collect();
        let by_severity: Vec<String> = Severity::ALL
            .iter()
            .map(|s| {
                r.gaps
                    .iter()
                    .filter(|g| g.severity == *s)
                    .count()
                    .to_string()
            })
            .collect();
        let by_stated: Vec<String> = StatedIn::ALL
            .iter()
            .map(Some)
            .chain([None])
            .map(|s| {
                let n = r.gaps.iter().filter(|g| g.stated_in.as_ref() == s).count();
                n.to_string()
            })
            .collect();
        println!(
            "| {} | {} | {} | {} | {} | {} ({}) | {} ({}) | {} | {} | {} | {} | {} | {} |",
            r.id,
            r.genre,
            r.questions.len(),
            r.criteria.len(),
            r.services.len(),
            r.relations.len(),
            by_status.join(" / "),
            r.gaps.len(),
            by_severity.join(" / "),
            by_stated.join(" / "),
            r.recommendations.len(),
            r.conclusions.len(),
            r.decisions.len(),
            r.follow_ups.len(),
            r.figures.len()
        );
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
