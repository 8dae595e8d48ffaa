//! `samhandling` models Norwegian audit reports on coordinated mental-health and substance-use
//! services as evidence-backed data and service graphs, and compares their coordination gaps.
//!
//! Every municipality is audited again and again on one question: do people with mental-health
//! and substance-use problems get coordinated services? Each report describes the services (NAV,
//! DPS, tildelingskontor, koordinerende enhet, FACT ...), how they collaborate (samhandling), where
//! that fails (coordination gaps) and what the auditor recommends. This crate turns each report
//! into a typed [`Report`] in which every service, relation, gap and recommendation carries
//! [`Evidence`]: a source document, a line and a verbatim quote, checked by [`evidence`].
//!
//! # Example
//! The bundled corpus, the gaps its four 2015 municipal records share, and where each is stated:
//! ```
//! use samhandling::Corpus;
//! use samhandling::compare::{recurrence, KeyMode};
//!
//! let corpus = Corpus::bundled()?;
//! let four = corpus.select(["ralingen-2015", "skedsmo-2015", "lorenskog-2015", "ullensaker-2015"])?;
//! let rec = recurrence(&four, KeyMode::Category);
//! for key in rec.common_to(4) {
//!     let report = four.get(key.reports[0].as_str()).unwrap();
//!     let gap = report.gaps.iter().find(|g| g.category == key.key.category).unwrap();
//!     let ev = &gap.evidence[0];
//!     println!("{}: in {} ({}:{})", key.key, key.municipalities.join(", "), ev.source, ev.line);
//! }
//! assert!(rec.common_to(4).any(|k| k.key.to_string() == "system_collaboration"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The main types
//! - [`Report`]: one audit document as data; [`Service`], [`Relation`], [`Gap`],
//!   [`Recommendation`] and the other items of [`model`], each with [`Evidence`].
//! - [`Corpus`]: validated reports with unique ids and checked follow-up links, read with
//!   [`Corpus::load_dir`], built with [`Corpus::from_reports`], or the ten bundled records of
//!   [`Corpus::bundled`].
//! - [`graph::ServiceGraph`] and [`graph::Structure`]: a report as a network, and its shape.
//! - [`taxonomy`]: the closed vocabularies (service kinds, relation kinds, gap categories,
//!   severities ...) and the alias lexicon of local service names.
//! - [`LegalRef`]: a parsed, comparable reference to a law section.
//! - [`Error`]: the one error type; messages name the file, report, item and JSON path.
//!
//! # Modules
//! - [`model`]: the data types of the report format (documented field by field in
//!   `docs/FORMAT.md`).
//! - [`items`]: one walk over a report's items, shared by validation, the evidence check and
//!   item lookup.
//! - [`taxonomy`]: vocabularies; [`lexicon`]: the alias lexicon of local service names;
//!   [`legal`]: legal references, known laws and unknown ones; [`warning`]: what
//!   [`Report::warnings`] reports about a valid record (a law the table does not know).
//! - [`evidence`]: checks every quote against the source documents.
//! - [`graph`]: a report as a petgraph service graph, and its structure (density, centralization,
//!   brokers, articulation points, bridges, isolated services).
//! - [`reference`](mod@reference): what the law expects (collaborations, functions), checked against a report.
//! - [`synth`]: a seeded generator of synthetic records, for benchmarks and tests at scale.
//! - [`export`]: CSV tables for R, pandas and spreadsheets; DOT, GraphML and node-link JSON graphs.
//! - [`compare`]: gap matrix, recurrence, similarity, diff, follow-up and trends across reports.
//! - loading and validation: [`Report::from_json_str`], [`Report::validate`], [`Corpus`].

pub mod codebook;
pub mod compare;
mod corpus;
mod error;
pub mod evidence;
pub mod export;
pub mod graph;
pub mod items;
pub mod legal;
pub mod lexicon;
mod load;
pub mod model;
pub mod reference;
mod shape;
mod specimen;
pub mod synth;
pub mod taxonomy;
mod validate;
pub mod warning;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use corpus::{Corpus, Loaded};
pub use error::{Error, Location, Result};
pub use legal::LegalRef;
pub use model::{
    Evidence, Figure, Gap, Recommendation, Relation, Report, ReportId, Service, ServiceId,
};
pub use warning::Warning;
