//! Warnings: what a reader of a valid record should know, but that is no reason to reject it.
//!
//! A record that cites a law the crate's table does not know is valid: the reference is kept as
//! [`crate::legal::Law::Other`] with the name as written, and compares only with references that
//! name the law the same way. [`Report::warnings`] names every such reference, so that it is
//! never silent; the programs print the warnings beside the errors.
//!
//! A machine-drafted record ([`crate::draft`]) is valid too, but its items are candidates found
//! by rules, not an auditor's findings read by a reviewer: [`Warning::Draft`] says so wherever
//! such a record is used.

use std::fmt;

use crate::error::Location;
use crate::legal::LegalRef;
use crate::model::Report;

/// Something in a valid record worth a reader's attention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Warning {
    /// A legal reference names a law or regulation the crate's table does not know.
    UnknownLaw {
        /// Where the reference stands: `criteria[2].legal[0]`.
        at: Location,
        /// The law's name as read (lowercase, white space normalised).
        law: String,
        /// The reference as written.
        text: String,
    },
    /// The record is a machine draft that has not been reviewed (it has a `draft` marker).
    Draft {
        /// The record's `draft` field.
        at: Location,
        /// The marker: which tool and rules drafted it.
        marker: String,
    },
}

impl Warning {
    /// Where the warning points.
    pub fn location(&self) -> &Location {
        match self {
            Warning::UnknownLaw { at, .. } | Warning::Draft { at, .. } => at,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownLaw { at, law, text } => write!(
                f,
                "{at}: warning: `{text}` names `{law}`, which is not in the table of laws; it is kept as written and compares only with references that name it the same way (check the spelling; docs/FORMAT.md lists the known laws and their names)"
            ),
            Warning::Draft { at, marker } => write!(
                f,
                "{at}: warning: an unreviewed machine draft ({marker}): its items are candidates found by rules, not findings, and what is computed from them is no auditor's verdict (review every item against its quote, then remove `draft`)"
            ),
        }
    }
}

impl Report {
    /// Every warning about this report, in document order: that it is an unreviewed draft, and
    /// each legal reference (in `criteria` and `gaps`) that names a law the crate does not know.
    ///
    /// # Example
    /// ```
    /// use samhandling::{Report, Warning};
    ///
    /// let mut report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
    /// assert!(report.warnings().is_empty());
    /// report.criteria[0].legal.push("tannhelsetjenesteloven § 1-3".parse()?);
    /// let warnings = report.warnings();
    /// assert!(matches!(&warnings[0], Warning::UnknownLaw { law, .. } if law == "tannhelsetjenesteloven"));
    /// assert_eq!(warnings[0].location().path, "criteria[0].legal[0]");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn warnings(&self) -> Vec<Warning> {
        let mut out = Vec::new();
        if let Some(marker) = &self.draft {
            out.push(Warning::Draft {
                at: Location::new(&self.id, "draft"),
                marker: marker.clone(),
            });
        }
        let mut check = |section: &str, i: usize, list: &[LegalRef]| {
            for (j, r) in list.iter().enumerate() {
                if !r.is_known() {
                    out.push(Warning::UnknownLaw {
                        at: Location::new(&self.id, format!("{section}[{i}].legal[{j}]")),
                        law: r.law.word().to_string(),
                        text: r.text().to_string(),
                    });
                }
            }
        };
        for (i, c) in self.criteria.iter().enumerate() {
            check("criteria", i, &c.legal);
        }
        for (i, g) in self.gaps.iter().enumerate() {
            check("gaps", i, &g.legal);
        }
        out
    }
}
