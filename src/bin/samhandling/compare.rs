//! `samhandling compare`: the main job, the coordination gaps of many reports side by side.

use std::io::Write;
use std::process::ExitCode;

use samhandling::compare::{KeyMode, Outcome, Summary, summary};
use samhandling::taxonomy::Vocabulary;
use samhandling::{Corpus, Result};

use crate::input::Records;
use crate::output;

/// Arguments of `compare`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling compare                           the bundled corpus, as a readable summary
  samhandling compare --dir my-records/         your own records (every *.json in the folder)
  samhandling compare --json > summary.json     one JSON document: reports, matrix, recurring,
                                                similarity, followups
  samhandling compare --by-kinds --assessed     keys by category and service kinds; only gaps the
                                                auditors' assessments state

Comparisons count municipalities, each once, by its latest primary report; a comparison note is
never counted beside the reports it summarises, and each table names its unit. The
similarity section lists each report's nearest report; `samhandling export` writes all pairs.
Every quote is checked first: a record whose evidence does not hold is an error.")]
pub(crate) struct Args {
    #[command(flatten)]
    records: Records,
    /// Print one JSON document instead of the readable summary.
    #[arg(long)]
    json: bool,
    /// Key gaps by category plus the service kinds involved (default: by category alone).
    #[arg(long)]
    by_kinds: bool,
    /// Compare only the gaps the auditors' assessments state: leave out those a record marks as
    /// stated only in the findings or the municipality's response (gaps whose record does not
    /// say are kept); the number left out is printed on standard error.
    #[arg(long)]
    assessed: bool,
}

/// The corpus of `records`, with only the assessed gaps when `assessed` (saying on standard
/// error how many were left out).
pub(crate) fn corpus(records: &Records, assessed: bool) -> Result<Corpus> {
    let corpus = records.load()?;
    if !assessed {
        return Ok(corpus);
    }
    let kept = corpus.with_gaps(|_, g| g.is_assessed())?;
    let count = |c: &Corpus| c.iter().map(|r| r.gaps.len()).sum::<usize>();
    eprintln!(
        "--assessed: {} of {} gaps left out (stated only in the findings or the response)",
        count(&corpus) - count(&kept),
        count(&corpus)
    );
    Ok(kept)
}

pub(crate) fn mode(by_kinds: bool) -> KeyMode {
    if by_kinds {
        KeyMode::CategoryAndKinds
    } else {
        KeyMode::Category
    }
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let corpus = corpus(&args.records, args.assessed)?;
    let s = summary(&corpus, mode(args.by_kinds));
    output::print(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &s)?;
            writeln!(out)
        } else {
            print_summary(out, &corpus, &s)
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

fn print_summary(out: &mut impl Write, corpus: &Corpus, s: &Summary) -> std::io::Result<()> {
    let municipalities: std::collections::BTreeSet<&str> = corpus
        .iter()
        .flat_map(|r| r.municipalities.iter().map(String::as_str))
        .collect();
    let documents: std::collections::BTreeSet<&str> = corpus
        .iter()
        .flat_map(|r| r.evidence().into_iter().map(|(_, e)| e.source.as_str()))
        .collect();
    let derived = corpus.iter().filter(|r| !r.is_primary()).count();
    writeln!(
        out,
        "# {} records from {} source documents, covering {} municipalities ({} records derived from another record's document)",
        s.reports.len(),
        documents.len(),
        municipalities.len(),
        derived
    )?;
    for r in &s.reports {
        writeln!(
            out,
            "  {:<16} {:<4} {:<24} {:>3} services {:>3} relations {:>3} gaps ({} resolved) {:>3} recommendations  {}",
            r.id.as_str(),
            r.year.map_or_else(|| "?".to_string(), |y| y.to_string()),
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
        "\n# Gap matrix (number of current gaps; one column per {}, each by the record counted for it)",
        singular(&s.matrix.unit)
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
    let columns: Vec<String> = s
        .matrix
        .rows
        .iter()
        .map(|r| format!("{} ({})", r.unit, r.report))
        .collect();
    writeln!(out, "  (columns: {})", columns.join(", "))?;

    writeln!(
        out,
        "\n# Most recurrent gaps ({} of {} with the gap, each counted once)",
        s.recurring.unit, s.recurring.n_units
    )?;
    for k in s
        .recurring
        .keys
        .iter()
        .filter(|k| k.units.len() > 1)
        .take(15)
    {
        writeln!(
            out,
            "  {:<26} ({:>3.0} %)  {:<40} {}",
            s.recurring.in_words(k),
            k.share * 100.0,
            truncate(&format!("{} ({})", k.key, k.key.category.norwegian()), 40),
            k.units.join(", ")
        )?;
    }

    writeln!(
        out,
        "\n# Most similar pairs of reports (each report's nearest; Jaccard over gap keys; over kind-level relations)"
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
        crate::followup::print_items(out, f)?;
    }
    Ok(())
}

/// The outcome of an earlier gap in a follow-up, in words.
pub(crate) fn outcome(o: Outcome) -> &'static str {
    o.words()
}

/// `municipalities` -> `municipality`: the unit of one column.
fn singular(unit: &str) -> &str {
    match unit {
        _ if unit.contains(" and ") => "unit",
        "municipalities" => "municipality",
        "countries" => "country",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

/// `vestby-2025` -> `ves25`: short column heads.
fn abbreviate(id: &str) -> String {
    let (name, year) = id.rsplit_once('-').unwrap_or((id, ""));
    let name: String = name.chars().take(3).collect();
    let year: Vec<char> = year.chars().collect();
    let year: String = year[year.len().saturating_sub(2)..].iter().collect();
    format!("{name}{year}")
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
