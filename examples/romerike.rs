//! Reproduces the 2015 comparison note (seed 001) claim by claim: each common challenge the note
//! claims (record `romerike-2015`: its summary, chapter conclusions and common recommendations)
//! set against what the four municipal records hold from the note's findings chapters, as
//! supported (by which municipalities, by which lines), partly supported or not supported; then
//! what the records have in common that the note does not claim.
//!
//! ```text
//! cargo run --example romerike                   # by category, then by category and kinds
//! cargo run --example romerike -- --by-kinds     # by category and kinds only
//! ```

use std::error::Error;

use samhandling::Corpus;
use samhandling::compare::{Holder, KeyMode, synthesis_check};

const MUNICIPAL: [&str; 4] = [
    "lorenskog-2015",
    "ralingen-2015",
    "skedsmo-2015",
    "ullensaker-2015",
];

/// `001_63ae963b3afabc75.txt:795` -> `001:795`.
fn short(line: &str) -> String {
    match (line.split_once('_'), line.rsplit_once(':')) {
        (Some((doc, _)), Some((_, n))) => format!("{doc}:{n}"),
        _ => line.to_string(),
    }
}

fn holders(list: &[Holder]) {
    for h in list {
        let lines: Vec<String> = h.lines.iter().map(|l| short(l)).collect();
        println!(
            "        {} ({}: {}) at {}",
            h.unit,
            h.report,
            h.gaps.join(", "),
            lines.join(", ")
        );
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let modes = match std::env::args().nth(1).as_deref() {
        None => vec![KeyMode::Category, KeyMode::CategoryAndKinds],
        Some("--by-kinds") => vec![KeyMode::CategoryAndKinds],
        Some(other) => {
            return Err(format!("unknown argument `{other}`; use --by-kinds or nothing").into());
        }
    };
    for mode in modes {
        print_check(mode)?;
    }
    Ok(())
}

fn print_check(mode: KeyMode) -> Result<(), Box<dyn Error>> {
    let corpus = Corpus::bundled()?;
    let parts = corpus.select(MUNICIPAL)?;
    let note = corpus
        .get("romerike-2015")
        .ok_or("the bundled corpus lacks romerike-2015")?;
    let check = synthesis_check(&parts, note, mode, 4);
    println!(
        "# The note's claims against the four municipal records ({mode:?}; unit: {}; \
         common = in {} of {} {})\n",
        check.unit, check.min_reports, check.n_units, check.unit
    );
    for s in &check.stated {
        let n = s.computed.as_ref().map_or(0, |k| k.units.len());
        let claimed_at: Vec<String> = s
            .evidence
            .iter()
            .map(|e| short(&format!("{}:{}", e.source, e.line)))
            .collect();
        println!(
            "- {} ({}): {}, in {n} of {} {}",
            s.key,
            s.gaps.join(", "),
            s.support.words(),
            check.n_units,
            check.unit
        );
        println!("    claimed at {}", claimed_at.join(", "));
        if s.gaps.len() > 1 {
            println!(
                "    ({} claims share this key; by category and kinds they are told apart)",
                s.gaps.len()
            );
        }
        if !s.holders.is_empty() {
            println!("    found in:");
            holders(&s.holders);
        }
        if !s.circular.is_empty() {
            let list: Vec<String> = s
                .circular
                .iter()
                .map(|c| format!("{} {} ({})", c.report, c.gap, short(&c.line)))
                .collect();
            println!(
                "    CIRCULAR: these municipal gaps cite a line the claim cites: {}",
                list.join("; ")
            );
        }
    }
    println!(
        "\n# Computed as common (in at least {} of {} {}) but not claimed by the note",
        check.min_reports, check.n_units, check.unit
    );
    if check.computed_only.is_empty() {
        println!("  (none)");
    }
    for (k, h) in check.computed_only.iter().zip(&check.computed_only_holders) {
        println!(
            "- {}: in {} of {} {}",
            k.key,
            k.units.len(),
            check.n_units,
            check.unit
        );
        holders(h);
    }
    println!();
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
