//! Writes a synthetic corpus: N valid report records drawn with the bundled corpus's word
//! frequencies, for benchmarks and for trying the programs at scale. Same seed, same bytes.
//!
//! ```text
//! cargo run --release --example synth -- --reports 10000 --seed 1 --out /tmp/synth
//! cargo run --release --example compare -- --dir /tmp/synth --json > /dev/null
//! ```

use std::error::Error;
use std::path::PathBuf;

use samhandling::synth;

fn run() -> Result<(), Box<dyn Error>> {
    let (mut n, mut seed, mut out) = (100usize, 1u64, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--reports" => n = value()?.parse()?,
            "--seed" => seed = value()?.parse()?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!("usage: synth --reports N --seed S --out DIR");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}` (see --help)").into()),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let written = synth::write_dir(n, seed, &out)?;
    println!("wrote {written} reports to {}", out.display());
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
