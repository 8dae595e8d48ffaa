//! Checks records of your own against your own source texts with the library: every quote must
//! stand within a few lines of the line it cites. (The program does the same:
//! `samhandling check my-records/ --sources my-texts/`.)
//!
//! ```text
//! cargo run --example own_sources -- my-records/ my-texts/
//! ```

use samhandling::evidence::{Sources, check_report};
use samhandling::{Corpus, Error};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(records), Some(texts)) = (args.next(), args.next()) else {
        return Err("usage: own_sources RECORDS_DIR TEXTS_DIR".into());
    };
    // Every *.txt in TEXTS_DIR, cited in `evidence[].source` by file name; the bundled
    // texts stay available beside them.
    let sources = Sources::with_dir(&texts)?;
    let corpus = Corpus::load_dir(&records)?;
    let problems: Vec<Error> = corpus
        .iter()
        .flat_map(|r| check_report(r, &sources))
        .collect();
    for p in &problems {
        println!("{p}");
    }
    println!(
        "{} records, {} evidence problems",
        corpus.len(),
        problems.len()
    );
    if problems.is_empty() {
        Ok(())
    } else {
        std::process::exit(1)
    }
}
