//! Writes the HTML page of the bundled corpus, or of `synth N` synthetic reports, to a file.
//!
//! `cargo run --example report_page -- report.html` or
//! `cargo run --example report_page -- report.html 1000 [MAX_DETAILS]`.
use samhandling::evidence::Sources;
use samhandling::html::{Options, write};
use samhandling::{Corpus, synth};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "report.html".to_string());
    let corpus = match args.next() {
        Some(n) => synth::corpus(n.parse()?, 1)?,
        None => Corpus::bundled()?,
    };
    let mut options = Options::default();
    if let Some(n) = args.next() {
        options.max_details = n.parse()?;
    }
    let start = std::time::Instant::now();
    write(&corpus, &Sources::bundled(), &options, &out)?;
    eprintln!(
        "wrote {out} ({} reports) in {:?}",
        corpus.len(),
        start.elapsed()
    );
    Ok(())
}
