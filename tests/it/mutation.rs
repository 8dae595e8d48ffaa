//! The mutation test of issue 17: structured mutations of the bundled records and the format
//! example (keys deleted, renamed and duplicated; values swapped and retyped; ids dangling and
//! duplicated; follow-up cycles; huge, negative, float and out-of-range numbers; odd Unicode;
//! truncation and byte flips), each pushed through loading, validation, the corpus, every
//! comparison, the graph and its structure, the reference check, every export and the evidence
//! check, asserting:
//! - no panic (each case runs under `catch_unwind`);
//! - every rejection is a typed error with a location (a JSON line and column, a byte offset, or
//!   a report and path), and its message is short and free of raw control characters;
//! - every accepted record round-trips (same record, same bytes);
//! - every export of an accepted record is valid: CSV reads with the csv crate, GraphML parses
//!   as XML (roxmltree), node-link JSON parses as JSON.
//!
//! `cargo test` runs [`CASES`] seeded cases (deterministic); `SAMHANDLING_MUTATIONS=N` runs N
//! (from every bundled record, the large ones included), `SAMHANDLING_MUTATION_SEED=S` another
//! seed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use samhandling::compare::{self, KeyMode};
use samhandling::evidence::{Sources, check_report};
use samhandling::export;
use samhandling::graph;
use samhandling::{Corpus, Error, Report, reference};
use serde_json::{Value, json};

/// Cases in a plain `cargo test`: a few hundred, a few seconds in a debug build.
const CASES: usize = 300;

/// SplitMix64: small, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The seeds: the format example and every bundled record, as JSON values.
fn seeds() -> &'static [(String, Value)] {
    static SEEDS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds = vec![(
            "example".to_string(),
            serde_json::from_str(crate::EXAMPLE).unwrap(),
        )];
        for r in Corpus::bundled().unwrap().iter() {
            seeds.push((r.id.to_string(), serde_json::to_value(r).unwrap()));
        }
        seeds
    })
}

fn sources() -> &'static Sources {
    static SOURCES: OnceLock<Sources> = OnceLock::new();
    SOURCES.get_or_init(Sources::bundled)
}

fn bundled() -> &'static Corpus {
    static BUNDLED: OnceLock<Corpus> = OnceLock::new();
    BUNDLED.get_or_init(|| Corpus::bundled().unwrap())
}

/// Every path (as JSON pointer steps) in `v`, and whether it leads to an object member.
fn paths(v: &Value) -> Vec<Vec<String>> {
    fn walk(v: &Value, here: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    here.push(k.clone());
                    walk(child, here, out);
                    here.pop();
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    here.push(i.to_string());
                    walk(child, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn pointer(steps: &[String]) -> String {
    steps
        .iter()
        .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Paths whose last step is an object key.
fn member_paths(v: &Value) -> Vec<Vec<String>> {
    paths(v)
        .into_iter()
        .filter(|p| {
            let Some((_, parent)) = p.split_last() else {
                return false;
            };
            v.pointer(&pointer(parent)).is_some_and(Value::is_object)
        })
        .collect()
}

/// Paths of string values.
fn string_paths(v: &Value) -> Vec<Vec<String>> {
    paths(v)
        .into_iter()
        .filter(|p| v.pointer(&pointer(p)).is_some_and(Value::is_string))
        .collect()
}

const ODD: &[&str] = &[
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "e\u{301}",
    "🦀",
    "\u{10ffff}",
    "\n",
    "\t",
    "\\",
    "\"",
    "<&>",
    "]]>",
    "--",
    "{}",
    ",",
];

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1.5",
    "-0.0",
    "65536",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
    "1e308",
    "1e400",
    "-1e400",
    "12.50",
    "1e3",
];

/// One mutation of `seed`, as the bytes a user could hand the loader, and its class name.
fn mutate(rng: &mut Rng, seed: &Value) -> (&'static str, Vec<u8>) {
    let mut v = seed.clone();
    let class = rng.below(16);
    let text = |v: &Value| v.to_string().into_bytes();
    match class {
        0 => {
            let members = member_paths(&v);
            let p = rng.pick(&members).clone();
            let (last, parent) = p.split_last().unwrap();
            if let Some(Value::Object(m)) = v.pointer_mut(&pointer(parent)) {
                m.remove(last);
            }
            ("key deleted", text(&v))
        }
        1 => {
            let members = member_paths(&v);
            let p = rng.pick(&members).clone();
            let (last, parent) = p.split_last().unwrap();
            if let Some(Value::Object(m)) = v.pointer_mut(&pointer(parent))
                && let Some(x) = m.remove(last)
            {
                let renamed = match rng.below(3) {
                    0 => format!("{last}x"),
                    1 => last.to_uppercase(),
                    _ => format!("{last}\u{200b}"),
                };
                m.insert(renamed, x);
            }
            ("key renamed", text(&v))
        }
        2 => {
            // A key given twice: the text holds both, the second with another value.
            let members = member_paths(&v);
            let p = rng.pick(&members).clone();
            let (last, parent) = p.split_last().unwrap();
            if let Some(Value::Object(m)) = v.pointer_mut(&pointer(parent)) {
                m.insert("\u{1}dup\u{1}".to_string(), json!("second"));
            }
            let s = v.to_string().replace(
                "\"\\u0001dup\\u0001\"",
                &serde_json::to_string(last).unwrap(),
            );
            ("key duplicated", s.into_bytes())
        }
        3 => {
            let all = paths(&v);
            let a = rng.pick(&all).clone();
            let b = rng.pick(&all).clone();
            let (va, vb) = (
                v.pointer(&pointer(&a)).cloned(),
                v.pointer(&pointer(&b)).cloned(),
            );
            if let (Some(va), Some(vb)) = (va, vb)
                && !a.starts_with(&b)
                && !b.starts_with(&a)
            {
                *v.pointer_mut(&pointer(&a)).unwrap() = vb;
                *v.pointer_mut(&pointer(&b)).unwrap() = va;
            }
            ("values swapped", text(&v))
        }
        4 => {
            let all = paths(&v);
            let p = rng.pick(&all).clone();
            let target = v.pointer_mut(&pointer(&p)).unwrap();
            *target = match rng.below(7) {
                0 => json!(null),
                1 => json!(true),
                2 => json!(7),
                3 => json!("text"),
                4 => json!([]),
                5 => json!({}),
                _ => match target.take() {
                    Value::Object(m) => Value::Array(m.into_iter().map(|(_, x)| x).collect()),
                    Value::Array(a) => json!({ "0": a }),
                    other => json!([other]),
                },
            };
            ("value retyped", text(&v))
        }
        5 => {
            // A reference or an id pointing nowhere.
            let strings = string_paths(&v);
            let refs: Vec<&Vec<String>> = strings
                .iter()
                .filter(|p| {
                    p.iter().any(|s| {
                        matches!(
                            s.as_str(),
                            "services"
                                | "gaps"
                                | "relations"
                                | "criteria"
                                | "questions"
                                | "from"
                                | "to"
                                | "parent"
                                | "question"
                                | "of"
                                | "follows_up"
                                | "derived_from"
                        )
                    })
                })
                .collect();
            if !refs.is_empty() {
                let p = (*rng.pick(&refs)).clone();
                *v.pointer_mut(&pointer(&p)).unwrap() = json!("nowhere-0000");
            }
            ("id dangling", text(&v))
        }
        6 => {
            // Two items sharing an id.
            let ids: Vec<Vec<String>> = string_paths(&v)
                .into_iter()
                .filter(|p| p.last().is_some_and(|k| k == "id"))
                .collect();
            if ids.len() >= 2 {
                let a = rng.pick(&ids).clone();
                let b = rng.pick(&ids).clone();
                let id = v.pointer(&pointer(&a)).unwrap().clone();
                *v.pointer_mut(&pointer(&b)).unwrap() = id;
            }
            ("id duplicated", text(&v))
        }
        7 => {
            // A follow-up of itself, or of a report that follows it up.
            let id = v["id"].clone();
            v["follows_up"] = if rng.below(2) == 0 {
                id
            } else {
                json!("nes-2025")
            };
            ("follow-up cycle", text(&v))
        }
        8 => {
            let numeric: Vec<Vec<String>> = paths(&v)
                .into_iter()
                .filter(|p| {
                    v.pointer(&pointer(p)).is_some_and(Value::is_number)
                        || p.last().is_some_and(|k| k == "line" || k == "year")
                })
                .collect();
            let marker = "\"\\u0002num\\u0002\"";
            if let Some(p) = (!numeric.is_empty()).then(|| rng.pick(&numeric).clone()) {
                *v.pointer_mut(&pointer(&p)).unwrap() = json!("\u{2}num\u{2}");
            }
            let number = *rng.pick(NUMBERS);
            (
                "number out of range",
                v.to_string().replace(marker, number).into_bytes(),
            )
        }
        9 => {
            let strings = string_paths(&v);
            let p = rng.pick(&strings).clone();
            let odd = *rng.pick(ODD);
            let s = v.pointer_mut(&pointer(&p)).unwrap();
            let old = s.as_str().unwrap_or("").to_string();
            *s = json!(match rng.below(3) {
                0 => format!("{odd}{old}"),
                1 => format!("{old}{odd}"),
                _ => odd.to_string(),
            });
            ("odd unicode", text(&v))
        }
        10 => {
            let strings = string_paths(&v);
            let p = rng.pick(&strings).clone();
            *v.pointer_mut(&pointer(&p)).unwrap() = json!(match rng.below(4) {
                0 => "",
                1 => "   ",
                2 => "\u{200b}\u{2060}",
                _ => "\u{a0}\u{3000}",
            });
            ("blank text", text(&v))
        }
        11 => {
            let lists: Vec<Vec<String>> = paths(&v)
                .into_iter()
                .filter(|p| v.pointer(&pointer(p)).is_some_and(Value::is_array))
                .collect();
            let p = rng.pick(&lists).clone();
            let list = v.pointer_mut(&pointer(&p)).unwrap().as_array_mut().unwrap();
            match rng.below(3) {
                0 => list.clear(),
                1 if !list.is_empty() => {
                    let first = list[0].clone();
                    list.push(first);
                }
                _ => list.reverse(),
            }
            ("list changed", text(&v))
        }
        12 => {
            let mut bytes = text(&v);
            let cut = rng.below(bytes.len());
            bytes.truncate(cut);
            ("truncated", bytes)
        }
        13 => {
            let mut bytes = text(&v);
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            ("bytes flipped", bytes)
        }
        14 => {
            // Huge values: a long string, a long list.
            let strings = string_paths(&v);
            let p = rng.pick(&strings).clone();
            *v.pointer_mut(&pointer(&p)).unwrap() = json!("å".repeat(20_000 + rng.below(50_000)));
            ("huge value", text(&v))
        }
        _ => {
            // A BOM, or trailing bytes after the record.
            let mut bytes = text(&v);
            match rng.below(3) {
                0 => bytes.splice(0..0, "\u{feff}".bytes()),
                1 => bytes.splice(bytes.len()..bytes.len(), "\n{}".bytes()),
                _ => bytes.splice(bytes.len()..bytes.len(), " \n\t".bytes()),
            }
            .for_each(drop);
            ("prefix or suffix", bytes)
        }
    }
}

/// What the test saw, for the figures of a long run.
#[derive(Debug, Default)]
struct Tally {
    cases: usize,
    accepted: usize,
    rejected: usize,
    errors: usize,
    /// Failures of the checks: (case, class, what).
    failures: Vec<(usize, &'static str, String)>,
    /// GraphML files that are not XML (the escaping is fixed on branch `program`).
    graphml_invalid: Vec<(usize, &'static str, String)>,
}

/// Checks one rejection: a typed error with a location, a short message with no raw control
/// character.
fn check_rejection(e: &Error) -> Result<(), String> {
    for single in e.iter() {
        let located = match single {
            Error::Syntax { line, column, .. } => *line > 0 && *column > 0,
            Error::NotUtf8 { .. } => true,
            // A located error names its report or path; only a problem of the whole record (a
            // record that is not an object) may stand at the root of an unnamed input.
            other => other.location().is_some_and(|l| {
                l.report.is_some()
                    || !l.path.is_empty()
                    || l.file.is_some()
                    || matches!(other, Error::Shape { .. })
            }),
        };
        if !located {
            return Err(format!("no location: {single:?}"));
        }
        let text = single.to_string();
        if text.chars().any(|c| c.is_control()) {
            return Err(format!("raw control character in {text:?}"));
        }
        if text.len() > 2_000 {
            return Err(format!("a message of {} bytes", text.len()));
        }
    }
    Ok(())
}

fn csv_ok(bytes: &[u8]) -> Result<(), String> {
    csv_ok_with(bytes, b',')
}

fn csv_ok_with(bytes: &[u8], delimiter: u8) -> Result<(), String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    for record in reader.records() {
        record.map_err(|e| format!("csv: {e}"))?;
    }
    Ok(())
}

fn export<F: FnOnce(&mut Vec<u8>) -> samhandling::Result<()>>(
    what: &str,
    write: F,
) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    write(&mut out).map_err(|e| format!("{what}: {e}"))?;
    Ok(out)
}

/// Everything the crate does with an accepted record, in a corpus with the report it follows up
/// (when bundled). Returns the GraphML problem apart from the others.
fn exercise(report: &Report) -> Result<Option<String>, String> {
    // Round trip: same record, same bytes.
    let json = report.to_json_string();
    let back = Report::from_json_str(&json).map_err(|e| format!("round trip: {e}"))?;
    if &back != report || back.to_json_string() != json {
        return Err("the record does not round-trip".to_string());
    }
    if !report.validate().is_empty() {
        return Err("an accepted record does not validate".to_string());
    }
    for e in check_report(report, sources()) {
        if !e.is_evidence() {
            return Err(format!("evidence check gave {e:?}"));
        }
        check_rejection(&e)?;
    }
    let mut members = vec![report.clone()];
    if let Some(earlier) = report
        .follows_up
        .as_ref()
        .and_then(|id| bundled().get(id.as_str()))
        && earlier.id != report.id
    {
        members.push(earlier.clone());
    }
    let corpus = match Corpus::from_reports(members) {
        Ok(c) => c,
        Err(e) => {
            check_rejection(&e)?;
            return Ok(None);
        }
    };
    let earlier = corpus.iter().find(|r| r.id != report.id).unwrap_or(report);
    for mode in [KeyMode::Category, KeyMode::CategoryAndKinds] {
        let _ = compare::gap_matrix(&corpus, mode);
        let _ = compare::recurrence(&corpus, mode);
        let _ = compare::synthesis_check(&corpus, report, mode, 1);
        let _ = compare::all_pairs(&corpus, mode);
        compare::nearest(&corpus, report.id.as_str(), 3, mode).map_err(|e| e.to_string())?;
        for k in [0, 1, 3] {
            let _ = compare::nearest_per_report(&corpus, k, mode);
        }
        let _ = compare::diff(earlier, report, mode);
        let _ = compare::follow_up(earlier, report, mode);
        let _ = compare::summary(&corpus, mode);
        for &table in export::Table::ALL {
            for format in [export::CsvFormat::Plain, export::CsvFormat::Excel] {
                let delimiter = if format == export::CsvFormat::Excel {
                    b';'
                } else {
                    b','
                };
                csv_ok_with(
                    &export(table.name(), |o| {
                        export::write_table(o, table, &corpus, mode, format).map(drop)
                    })?,
                    delimiter,
                )?;
            }
        }
    }
    let _ = compare::trends(&corpus);
    corpus
        .with_gaps(|_, g| g.is_assessed())
        .map_err(|e| format!("with_gaps: {e}"))?;
    export("heatmap", |o| export::heatmap_svg(o, &corpus))?;
    let _ = graph::structures(&corpus);
    let _ = reference::check(report);
    let mut graphml_problem = None;
    for g in [
        export::Network::services(report),
        export::Network::kinds(report),
    ] {
        let _ = graph::structure(report);
        export("dot", |o| export::dot(o, &g))?;
        csv_ok(&export("nodes", |o| export::nodes_csv(o, &g))?)?;
        csv_ok(&export("edges", |o| export::edges_csv(o, &g))?)?;
        let node_link = serde_json::to_string(&export::node_link(&g)).map_err(|e| e.to_string())?;
        serde_json::from_str::<Value>(&node_link).map_err(|e| format!("node-link: {e}"))?;
        let graphml = export("graphml", |o| export::graphml(o, &g))?;
        let parsed = String::from_utf8(graphml)
            .map_err(|e| e.to_string())
            .and_then(|t| {
                roxmltree::Document::parse(&t)
                    .map(drop)
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = parsed {
            graphml_problem = Some(format!("graphml: {e}"));
        }
    }
    Ok(graphml_problem)
}

fn run(cases: usize, seed: u64) -> Tally {
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for case in 0..cases {
        // Mostly the small records, so that a few hundred cases stay fast in a debug build.
        let seeds = seeds();
        let (_, base) = if rng.below(10) < 6 {
            &seeds[0]
        } else {
            let small: Vec<&(String, Value)> = seeds
                .iter()
                .filter(|(_, v)| v.to_string().len() < 60_000 || cases > CASES)
                .collect();
            *rng.pick(&small)
        };
        let (class, bytes) = mutate(&mut rng, base);
        tally.cases += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| match Report::from_json_slice(&bytes) {
            Err(e) => Err(e),
            Ok(report) => Ok(exercise(&report)),
        }));
        match outcome {
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                tally.failures.push((case, class, format!("panic: {what}")));
            }
            Ok(Err(e)) => {
                tally.rejected += 1;
                tally.errors += e.iter().count();
                if let Err(why) = check_rejection(&e) {
                    tally.failures.push((case, class, why));
                }
            }
            Ok(Ok(result)) => {
                tally.accepted += 1;
                match result {
                    Err(why) => tally.failures.push((case, class, why)),
                    Ok(Some(graphml)) => tally.graphml_invalid.push((case, class, graphml)),
                    Ok(None) => {}
                }
            }
        }
    }
    tally
}

fn cases() -> usize {
    std::env::var("SAMHANDLING_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

/// The seed: 17, or `SAMHANDLING_MUTATION_SEED` for another long run.
fn seed() -> u64 {
    std::env::var("SAMHANDLING_MUTATION_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(17)
}

/// No panic, typed and located rejections, lossless round trips, valid CSV and JSON exports.
#[test]
fn mutated_records_never_panic_and_every_answer_is_clear() {
    let tally = run(cases(), seed());
    eprintln!(
        "mutation test: {} cases, {} accepted, {} rejected with {} errors, {} GraphML not XML",
        tally.cases,
        tally.accepted,
        tally.rejected,
        tally.errors,
        tally.graphml_invalid.len()
    );
    assert!(
        tally.failures.is_empty(),
        "{} failures, the first: {:#?}",
        tally.failures.len(),
        &tally.failures[..tally.failures.len().min(5)]
    );
    assert!(tally.accepted > cases() / 10, "too few accepted: {tally:?}");
    assert!(tally.rejected > cases() / 10, "too few rejected: {tally:?}");
}

/// Every GraphML export of an accepted record parses as XML.
#[test]
fn graphml_of_every_accepted_mutation_is_xml() {
    let tally = run(cases(), seed());
    assert!(
        tally.graphml_invalid.is_empty(),
        "{} invalid, the first: {:#?}",
        tally.graphml_invalid.len(),
        &tally.graphml_invalid[..tally.graphml_invalid.len().min(5)]
    );
}
