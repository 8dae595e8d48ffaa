//! The record-level fields for any genre: unstated metadata, scope, the report's own finding
//! word, closing, provenance and the draft marker.

use samhandling::taxonomy::{FindingTerm, Scope, Severity, Status};
use samhandling::{Corpus, Error, Report};
use serde_json::{Value, json};

use crate::EXAMPLE;

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

fn problems(v: &Value) -> Vec<Error> {
    match Report::from_json_str(&v.to_string()) {
        Ok(r) => r.validate(),
        Err(Error::Many(list)) => list,
        Err(e) => vec![e],
    }
}

fn paths(errors: &[Error]) -> Vec<String> {
    errors
        .iter()
        .map(|e| e.location().map(|l| l.path.clone()).unwrap_or_default())
        .collect()
}

#[test]
fn unstated_title_auditor_and_year_are_null_not_missing() {
    let mut v = example();
    v["title"] = Value::Null;
    v["auditor"] = Value::Null;
    v["year"] = Value::Null;
    let report = Report::from_json_str(&v.to_string()).unwrap();
    assert!(report.validate().is_empty());
    assert_eq!(report.title, None);
    assert_eq!(report.title_or_unstated(), "(no title stated)");
    // Written back as null, so the choice survives a round trip.
    let back: Value = serde_json::from_str(&report.to_json_string()).unwrap();
    assert_eq!(back["year"], Value::Null);
    // Leaving the key out is an omission, not a statement: rejected, naming the field.
    let mut v = example();
    v.as_object_mut().unwrap().remove("year");
    let err = Report::from_json_str(&v.to_string()).unwrap_err();
    assert!(err.to_string().contains("year"), "{err}");
}

#[test]
fn scope_national_may_name_no_municipality_district_must_name_districts() {
    let mut v = example();
    v["municipalities"] = json!([]);
    assert_eq!(paths(&problems(&v)), ["municipalities"]);
    v["scope"] = json!("national");
    assert!(problems(&v).is_empty());

    let mut v = example();
    v["municipalities"] = json!(["Oslo"]);
    v["scope"] = json!("district");
    assert_eq!(paths(&problems(&v)), ["districts"]);
    v["districts"] = json!(["Bydel Frogner"]);
    let report = Report::from_json_str(&v.to_string()).unwrap();
    assert!(report.validate().is_empty());
    assert_eq!(report.scope, Scope::District);
    // Districts on a municipal report are a contradiction, not silently kept.
    v["scope"] = json!("municipal");
    assert_eq!(paths(&problems(&v)), ["scope"]);
}

#[test]
fn the_reports_own_word_is_kept_and_must_match_the_severity_table() {
    assert_eq!(FindingTerm::Lovbrudd.severity(), Severity::Breach);
    assert_eq!(FindingTerm::Avvik.severity(), Severity::Breach);
    assert_eq!(FindingTerm::Merknad.severity(), Severity::Improvement);
    assert_eq!(FindingTerm::Kritikk.severity(), Severity::Breach);
    assert_eq!(FindingTerm::SterkKritikk.severity(), Severity::Breach);
    let mut v = example();
    v["gaps"][0]["term"] = json!("lovbrudd");
    v["gaps"][0]["severity"] = json!("breach");
    let report = Report::from_json_str(&v.to_string()).unwrap();
    assert!(report.validate().is_empty());
    assert_eq!(report.gaps[0].term, Some(FindingTerm::Lovbrudd));
    v["gaps"][0]["severity"] = json!("improvement");
    let errors = problems(&v);
    assert_eq!(paths(&errors), ["gaps[0].severity"]);
    assert!(
        errors[0]
            .to_string()
            .contains("`lovbrudd` maps to severity `breach`")
    );
}

#[test]
fn closing_is_evidence_checked_like_any_item() {
    let mut v = example();
    v["closed"] = json!({"date": "19-03", "evidence": []});
    let mut got = paths(&problems(&v));
    got.sort();
    assert_eq!(got, ["closed.date", "closed.evidence"]);
    let report = {
        let mut v = example();
        v["closed"] =
            json!({"evidence": [{"source": "000_b1b178c2101948b1.txt", "line": 5, "quote": "x"}]});
        Report::from_json_str(&v.to_string()).unwrap()
    };
    assert!(
        report
            .evidence()
            .iter()
            .any(|(path, _)| path == "closed.evidence[0]")
    );
}

#[test]
fn derived_records_name_their_source_record() {
    let mut v = example();
    v["derived_from"] = json!("kilde-2024");
    let report = Report::from_json_str(&v.to_string()).unwrap();
    assert!(!report.is_primary());
    // The source record need not be loaded: a selection of derived records is a corpus.
    assert!(Corpus::from_reports([report]).is_ok());
    let corpus = Corpus::bundled().unwrap();
    let mut derived: Vec<(&str, &str)> = corpus
        .iter()
        .filter_map(|r| Some((r.id.as_str(), r.derived_from.as_ref()?.as_str())))
        .collect();
    derived.sort();
    assert_eq!(
        derived,
        [
            ("lorenskog-2015", "romerike-2015"),
            ("nes-2018", "nes-2025"),
            ("ralingen-2015", "romerike-2015"),
            ("skedsmo-2015", "romerike-2015"),
            ("ullensaker-2015", "romerike-2015"),
        ]
    );
}

#[test]
fn described_exists_but_is_not_working() {
    assert!(Status::Described.exists());
    assert!(!Status::Described.is_working());
    assert!(Status::Functioning.exists() && Status::Functioning.is_working());
    assert!(!Status::Missing.exists() && !Status::Discontinued.exists());
    let mut v = example();
    v["relations"][0]["status"] = json!("described");
    let report = Report::from_json_str(&v.to_string()).unwrap();
    assert_eq!(report.relations[0].status, Status::Described);
    let back = Report::from_json_str(&report.to_json_string()).unwrap();
    assert_eq!(back, report);
}
