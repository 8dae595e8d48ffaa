//! Every bundled record has an independent review log (`data/reviews/<id>.md`) with a row for
//! each of its items, and every id a log names is an item of the record (or is marked removed).

use std::collections::BTreeSet;

use samhandling::{Corpus, Report};

const REVIEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reviews");

/// Every item id of a record, and `report` for its top-level fields.
fn item_ids(r: &Report) -> BTreeSet<String> {
    let mut ids: BTreeSet<String> = BTreeSet::from(["report".to_string()]);
    ids.extend(r.questions.iter().map(|x| x.id.clone()));
    ids.extend(r.criteria.iter().map(|x| x.id.clone()));
    ids.extend(r.services.iter().map(|x| x.id.to_string()));
    ids.extend(r.relations.iter().map(|x| x.id.clone()));
    ids.extend(r.gaps.iter().map(|x| x.id.clone()));
    ids.extend(r.recommendations.iter().map(|x| x.id.clone()));
    ids.extend(r.conclusions.iter().map(|x| x.id.clone()));
    ids.extend(r.decisions.iter().map(|x| x.id.clone()));
    ids.extend(r.follow_ups.iter().map(|x| x.id.clone()));
    ids.extend(r.figures.iter().map(|x| x.id.clone()));
    ids
}

/// The rows of a review log's tables: (item id, verdict).
fn rows(log: &str) -> Vec<(String, String)> {
    log.lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let id = cells.first()?.trim_matches('`').to_string();
            let verdict = cells.get(1)?.to_string();
            let header = id.is_empty() || id.starts_with("---") || id == "item id" || id == "item";
            (!header).then_some((id, verdict))
        })
        .collect()
}

#[test]
fn every_record_has_a_review_log_covering_every_item() {
    let corpus = Corpus::bundled().unwrap();
    let mut problems = Vec::new();
    for r in &corpus {
        let path = format!("{REVIEWS}/{}.md", r.id);
        let Ok(log) = std::fs::read_to_string(&path) else {
            problems.push(format!("{}: no review log at {path}", r.id));
            continue;
        };
        let items = item_ids(r);
        let logged: Vec<(String, String)> = rows(&log);
        let named: BTreeSet<&str> = logged.iter().map(|(id, _)| id.as_str()).collect();
        for (id, verdict) in &logged {
            if !items.contains(id) && verdict != "removed" {
                problems.push(format!(
                    "{}: the log names `{id}`, which is not an item",
                    r.id
                ));
            }
        }
        let missing: Vec<&String> = items
            .iter()
            .filter(|id| !named.contains(id.as_str()))
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "{}: {} of {} items have no row in the log, e.g. {:?}",
                r.id,
                missing.len(),
                items.len(),
                &missing[..missing.len().min(5)]
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn review_rows_are_read_from_markdown_tables() {
    let log = "# r\n\n| item id | verdict | change | line | why |\n| --- | --- | --- | --- | --- |\n| `g1` | ok | — | 12 | — |\n| g2 | removed | dup | 13 | dup of g1 |\n";
    assert_eq!(
        rows(log),
        [
            ("g1".to_string(), "ok".to_string()),
            ("g2".to_string(), "removed".to_string())
        ]
    );
}
