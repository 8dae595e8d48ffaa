//! The main program: compares the coordination gaps of the bundled reports (or your own).
//!
//! ```text
//! cargo run --release --example compare                     # readable summary of the bundled corpus
//! cargo run --release --example compare -- --dir DIR        # your own records (every *.json in DIR)
//! cargo run --release --example compare -- --json           # one JSON document on stdout
//! cargo run --release --example compare -- --csv OUT        # CSV tables for R, pandas, Excel
//! cargo run --release --example compare -- --by-kinds       # key gaps by category and service kinds
//! cargo run --release --example compare -- --assessed       # only the gaps the auditors' assessments state
//! ```

use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use samhandling::Corpus;
use samhandling::compare::{KeyMode, Summary, summary};
use samhandling::export::{self, Measure};
use samhandling::taxonomy::Vocabulary;

const HELP: &str = "\
compare: coordination gaps across audit reports

USAGE:
    cargo run --release --example compare -- [OPTIONS]

OPTIONS:
    --dir DIR     read every *.json record in DIR instead of the bundled corpus;
                  a bad file is reported with its name and JSON path, and the exit code is 1
    --json        print one JSON document with the keys reports, matrix, recurring,
                  similarity, followups (instead of the readable summary)
    --csv DIR     also write matrix.csv (gap counts), matrix_presence.csv (0/1),
                  recurrence.csv, similarity.csv, services.csv, relations.csv and
                  gaps.csv (with source and line) into DIR
    --by-kinds    key gaps by category plus the service kinds involved
                  (default: by category alone)
    --assessed    compare only the gaps the auditors' assessments state: leave out those a
                  record marks as stated only in the findings or in the municipality's
                  response (gaps whose record does not say are kept); prints the number
                  left out on stderr
    -h, --help    print this help

Every number is traced to the records' evidence: gaps.csv gives the source document and line of
each gap. Output is byte-identical across runs.";

struct Options {
    dir: Option<PathBuf>,
    json: bool,
    csv: Option<PathBuf>,
    mode: KeyMode,
    assessed: bool,
}

fn parse_args() -> Result<Option<Options>, Box<dyn Error>> {
    let mut options = Options {
        dir: None,
        json: false,
        csv: None,
        mode: KeyMode::Category,
        assessed: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--dir" => options.dir = Some(args.next().ok_or("--dir needs a directory")?.into()),
            "--csv" => options.csv = Some(args.next().ok_or("--csv needs a directory")?.into()),
            "--json" => options.json = true,
            "--by-kinds" => options.mode = KeyMode::CategoryAndKinds,
            "--assessed" => options.assessed = true,
            other => return Err(format!("unknown argument `{other}` (see --help)").into()),
        }
    }
    Ok(Some(options))
}

fn run() -> Result<(), Box<dyn Error>> {
    let Some(options) = parse_args()? else {
        println!("{HELP}");
        return Ok(());
    };
    let corpus = match &options.dir {
        Some(dir) => Corpus::load_dir(dir)?,
        None => Corpus::bundled()?,
    };
    let corpus = if options.assessed {
        let assessed = corpus.with_gaps(|_, g| g.is_assessed())?;
        let count = |c: &Corpus| c.iter().map(|r| r.gaps.len()).sum::<usize>();
        eprintln!(
            "--assessed: {} of {} gaps left out (stated only in the findings or the response)",
            count(&corpus) - count(&assessed),
            count(&corpus)
        );
        assessed
    } else {
        corpus
    };
    let summary = summary(&corpus, options.mode);
    if let Some(dir) = &options.csv {
        write_csv(dir, &corpus, &summary)?;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if options.json {
        serde_json::to_writer_pretty(&mut out, &summary)?;
        writeln!(out)?;
    } else {
        print_summary(&mut out, &summary)?;
    }
    out.flush()?;
    Ok(())
}

fn write_csv(dir: &Path, corpus: &Corpus, s: &Summary) -> Result<(), Box<dyn Error>> {
    std::fs::create_dir_all(dir)?;
    let file = |name: &str| -> Result<BufWriter<File>, Box<dyn Error>> {
        Ok(BufWriter::new(File::create(dir.join(name)).map_err(
            |e| format!("{}: {e}", dir.join(name).display()),
        )?))
    };
    export::matrix_csv(file("matrix.csv")?, &s.matrix, Measure::Count)?;
    export::matrix_csv(file("matrix_presence.csv")?, &s.matrix, Measure::Presence)?;
    export::recurrence_csv(file("recurrence.csv")?, &s.recurring)?;
    export::similarity_csv(file("similarity.csv")?, &s.similarity)?;
    export::services_csv(file("services.csv")?, corpus)?;
    export::relations_csv(file("relations.csv")?, corpus)?;
    export::gaps_csv(file("gaps.csv")?, corpus)?;
    Ok(())
}

fn print_summary(out: &mut impl Write, s: &Summary) -> std::io::Result<()> {
    writeln!(out, "# {} reports", s.reports.len())?;
    for r in &s.reports {
        writeln!(
            out,
            "  {:<16} {:<4} {:<24} {:>3} services {:>3} relations {:>3} gaps ({} resolved) {:>3} recommendations  {}",
            r.id.as_str(),
            r.year.map(|y| y.to_string()).unwrap_or_else(|| "?".into()),
            r.genre.word(),
            r.services,
            r.relations,
            r.gaps,
            r.resolved_gaps,
            r.recommendations,
            r.municipalities.join(", ")
        )?;
    }

    writeln!(
        out,
        "\n# Gap matrix (number of current gaps; columns are gap keys)"
    )?;
    let ids: Vec<&str> = s.matrix.rows.iter().map(|r| r.report.as_str()).collect();
    writeln!(
        out,
        "  {:<44} {}",
        "",
        ids.iter()
            .map(|id| format!("{:>5}", abbreviate(id)))
            .collect::<String>()
    )?;
    for key in &s.matrix.columns {
        let label = format!("{} ({})", key, key.category.english());
        let cells: String = s
            .matrix
            .rows
            .iter()
            .map(|row| match row.count(key) {
                0 => format!("{:>5}", "."),
                n => format!("{n:>5}"),
            })
            .collect();
        writeln!(out, "  {:<44} {cells}", truncate(&label, 44))?;
    }
    writeln!(out, "  (columns: {})", ids.join(", "))?;

    writeln!(out, "\n# Most recurrent gaps")?;
    for k in s
        .recurring
        .keys
        .iter()
        .filter(|k| k.reports.len() > 1)
        .take(15)
    {
        writeln!(
            out,
            "  {:>3} of {} ({:>3.0} %)  {:<40} {}",
            k.reports.len(),
            s.recurring.n_reports,
            k.share * 100.0,
            truncate(&format!("{} ({})", k.key, k.key.category.norwegian()), 40),
            k.municipalities.join(", ")
        )?;
    }

    writeln!(
        out,
        "\n# Most similar pairs (Jaccard over gap keys; over kind-level relations)"
    )?;
    for p in s.similarity.iter().take(10) {
        writeln!(
            out,
            "  {} ~ {}: gaps {:.2}, relations {:.2}; share: {}",
            p.a,
            p.b,
            p.gaps.jaccard,
            p.relations.jaccard,
            p.gaps
                .shared
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }

    for f in &s.followups {
        writeln!(out, "\n# Follow-up: {} -> {}", f.earlier, f.later)?;
        for item in &f.items {
            let status = item.status.map_or("not addressed", |st| st.english());
            let at = item
                .evidence
                .first()
                .map(|e| format!(" ({}:{})", e.source, e.line))
                .unwrap_or_default();
            writeln!(out, "  {} {}: {}{}", item.what, item.number, status, at)?;
        }
        for g in &f.gaps {
            let outcome = g.outcome.words();
            let at = g
                .evidence
                .first()
                .map(|e| format!(" ({}:{})", e.source, e.line))
                .unwrap_or_default();
            writeln!(out, "  gap {} [{}]: {}{}", g.gap, g.key, outcome, at)?;
        }
        if !f.new_gaps.is_empty() {
            writeln!(out, "  new gaps in {}: {}", f.later, f.new_gaps.join(", "))?;
        }
    }
    Ok(())
}

/// `vestby-2025` -> `ves25`: short column heads.
fn abbreviate(id: &str) -> String {
    let (name, year) = id.rsplit_once('-').unwrap_or((id, ""));
    let name: String = name.chars().take(3).collect();
    let year: String = year
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{name}{year}")
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
