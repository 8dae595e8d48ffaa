//! The main program: loads the report records and prints a summary of the corpus.
//!
//! ```text
//! cargo run --release --example compare
//! cargo run --release --example compare -- --dir my-reports/
//! ```

use std::error::Error;
use std::path::PathBuf;

use samhandling::Corpus;

fn run() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [] => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/reports"),
        [flag, dir] if flag == "--dir" => PathBuf::from(dir),
        _ => return Err("usage: compare [--dir DIR]".into()),
    };
    let corpus = Corpus::load_dir(&dir)?;
    println!("{} reports in {}", corpus.len(), dir.display());
    for r in &corpus {
        println!(
            "{:<16} {:<24} {:>4} services {:>4} relations {:>4} gaps {:>4} recommendations",
            r.id.as_str(),
            r.genre.to_string(),
            r.services.len(),
            r.relations.len(),
            r.gaps.len(),
            r.recommendations.len()
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
