//! `samhandling followup`: what a later report says of each item of the earlier one.

use std::io::Write;
use std::process::ExitCode;

use samhandling::compare::{FollowUpReport, follow_up};
use samhandling::taxonomy::Vocabulary;
use samhandling::{Error, Result};

use crate::compare::{mode, outcome};
use crate::input::Records;
use crate::output;

/// Arguments of `followup`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling followup                          every report that follows up another
  samhandling followup nes-2025                 what the Nes follow-up says of nes-2018
  samhandling followup nes-2025 --json          the same as JSON
  samhandling followup my-2024 --dir records/   your own follow-up record (with `follows_up`)

For each recommendation, decision point and gap of the earlier report: its status in the later
one, how that was found (a follow-up item, or the later report's gaps), and the evidence.")]
pub(crate) struct Args {
    /// The later report (one with `follows_up`); default: every such report.
    #[arg(value_name = "REPORT")]
    report: Option<String>,
    #[command(flatten)]
    records: Records,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Key gaps by category plus the service kinds involved (default: by category alone).
    #[arg(long)]
    by_kinds: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let corpus = args.records.load()?;
    let later: Vec<_> = match &args.report {
        Some(id) => vec![corpus.report(id)?],
        None => corpus.iter().filter(|r| r.follows_up.is_some()).collect(),
    };
    let mut reports = Vec::new();
    for report in later {
        let Some(earlier) = &report.follows_up else {
            return Err(Error::OutOfRange {
                at: samhandling::Location::new(&report.id, "follows_up"),
                message: format!(
                    "report `{}` follows up no report (name a report with `follows_up`, or none to list every follow-up)",
                    report.id
                ),
            });
        };
        reports.push(follow_up(
            corpus.report(earlier.as_str())?,
            report,
            mode(args.by_kinds),
        ));
    }
    output::print(|out| {
        if args.json {
            serde_json::to_writer_pretty(&mut *out, &reports)?;
            return writeln!(out);
        }
        if reports.is_empty() {
            writeln!(out, "no report in the records follows up another")?;
        }
        for f in &reports {
            writeln!(out, "# Follow-up: {} -> {}", f.earlier, f.later)?;
            print_items(out, f)?;
            writeln!(out)?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The items and gaps of a follow-up, one line each with the first evidence.
pub(crate) fn print_items(out: &mut impl Write, f: &FollowUpReport) -> std::io::Result<()> {
    let at = |e: &[samhandling::Evidence]| {
        e.first()
            .map(|e| format!(" ({}:{})", e.source, e.line))
            .unwrap_or_default()
    };
    for item in &f.items {
        let status = item.status.map_or("not addressed", |st| st.english());
        writeln!(
            out,
            "  {} {}: {}{}",
            item.what,
            item.number,
            status,
            at(&item.evidence)
        )?;
    }
    for g in &f.gaps {
        writeln!(
            out,
            "  gap {} [{}]: {}{}",
            g.gap,
            g.key,
            outcome(g.outcome),
            at(&g.evidence)
        )?;
    }
    if !f.new_gaps.is_empty() {
        writeln!(out, "  new gaps in {}: {}", f.later, f.new_gaps.join(", "))?;
    }
    Ok(())
}
