//! The table of laws and regulations: each [`Law`] with its abbreviation, Norwegian and English
//! names, the year a repealed one ceased to apply, and every name (bokmål, nynorsk, long title,
//! abbreviation) the parser reads as it.

use std::fmt;

macro_rules! laws {
    ($( $(#[$m:meta])* $variant:ident = $word:literal, $no:literal, $en:literal, $repealed:expr, [$($alias:literal),*]; )+) => {
        /// A law or regulation the reports cite. Its word (`Display`) is the abbreviation used in
        /// the canonical form of a [`crate::LegalRef`]; a law the table does not know is
        /// [`Law::Other`], holding the name as written (lowercase, white space and line-break
        /// hyphenation normalised).
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Law {
            $( $(#[$m])* $variant, )+
            /// A law or regulation the table does not know, by the name the record gives it.
            /// Two references compare equal only when they name it the same way;
            /// [`crate::Report::warnings`] names every such reference.
            Other(String),
        }

        impl Law {
            /// Every law the table knows, in a fixed order ([`Law::Other`] is not among them).
            pub const KNOWN: &'static [Law] = &[$(Law::$variant),+];

            /// The abbreviation used in the canonical form (`hol`); for [`Law::Other`], the name.
            pub fn word(&self) -> &str {
                match self { $(Law::$variant => $word,)+ Law::Other(name) => name }
            }

            /// The Norwegian name (bokmål); for [`Law::Other`], the name as given.
            pub fn norwegian(&self) -> &str {
                match self { $(Law::$variant => $no,)+ Law::Other(name) => name }
            }

            /// An English name; for [`Law::Other`], the name as given.
            pub fn english(&self) -> &str {
                match self { $(Law::$variant => $en,)+ Law::Other(name) => name }
            }

            /// The year a repealed law or regulation ceased to apply; `None` for one in force
            /// (and for [`Law::Other`]). Old reports cite repealed laws; a reference to one is
            /// as valid as any, and compares with references to the same law only.
            pub fn repealed(&self) -> Option<u16> {
                match self { $(Law::$variant => $repealed,)+ Law::Other(_) => None }
            }
        }

        /// Every way of naming a law that the parser accepts, lowercase.
        pub(super) const LAW_NAMES: &[(&str, Law)] = &[ $( ($word, Law::$variant), $( ($alias, Law::$variant), )* )+ ];
    };
}

laws! {
    /// Helse- og omsorgstjenesteloven (2011, in force 2012).
    Hol = "hol", "helse- og omsorgstjenesteloven", "Municipal Health and Care Services Act", None,
        ["helse- og omsorgstjenesteloven", "helse og omsorgstjenesteloven", "hotjl", "hol.", "lov om kommunale helse- og omsorgstjenester",
         "helse- og omsorgstenestelova", "helse- og omsorgstenesteloven", "helse og omsorgstenestelova", "lov om kommunale helse- og omsorgstenester"];
    /// Pasient- og brukerrettighetsloven.
    Pbrl = "pbrl", "pasient- og brukerrettighetsloven", "Patients' and Users' Rights Act", None,
        ["pasient- og brukerrettighetsloven", "pasient og brukerrettighetsloven", "pasientrettighetsloven", "pasrl", "lov om pasient- og brukerrettigheter",
         "pasient- og brukarrettslova", "pasient- og brukarrettighetslova", "pasientrettslova", "lov om pasient- og brukarrettar"];
    /// Lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven, 2009).
    Stjl = "stjl", "sosialtjenesteloven", "Social Services Act (NAV)", None,
        ["sosialtjenesteloven", "lov om sosiale tjenester i nav", "lov om sosiale tjenester i arbeids- og velferdsforvaltningen", "sotjl", "stl",
         "sosialtenestelova", "sosialtenesteloven", "lov om sosiale tenester i nav", "lov om sosiale tenester i arbeids- og velferdsforvaltninga"];
    /// Lov om sosiale tjenester m.v. (sosialtjenesteloven, 1991), repealed: its NAV part by the
    /// 2009 act, the rest by helse- og omsorgstjenesteloven. Its sections are numbered by chapter
    /// (`§ 4-3`).
    Stjl1991 = "stjl_1991", "sosialtjenesteloven (1991)", "Social Services Act (1991)", Some(2012),
        ["lov om sosiale tjenester", "lov om sosiale tjenester m.v", "lov om sosiale tjenester mv", "lov om sosiale tenester", "sosialtjenesteloven (1991)", "sosialtjenesteloven 1991"];
    /// Spesialisthelsetjenesteloven.
    Shtl = "shtl", "spesialisthelsetjenesteloven", "Specialist Health Services Act", None,
        ["spesialisthelsetjenesteloven", "sphlsl", "lov om spesialisthelsetjenesten", "spesialisthelsetenestelova", "spesialisthelsetenesteloven", "lov om spesialisthelsetenesta"];
    /// Psykisk helsevernloven.
    Phvl = "phvl", "psykisk helsevernloven", "Mental Health Care Act", None,
        ["psykisk helsevernloven", "psykisk helsevernlov", "phlsvl", "lov om etablering og gjennomføring av psykisk helsevern", "psykisk helsevernlova"];
    /// Helsepersonelloven.
    Hpl = "hpl", "helsepersonelloven", "Health Personnel Act", None,
        ["helsepersonelloven", "lov om helsepersonell", "hlspl", "helsepersonellova", "lov om helsepersonell m.v"];
    /// Forvaltningsloven.
    Fvl = "fvl", "forvaltningsloven", "Public Administration Act", None,
        ["forvaltningsloven", "forvaltningslova", "lov om behandlingsmåten i forvaltningssaker"];
    /// Kommuneloven (2018, in force 2019–2020). Its sections are numbered by chapter (`§ 25-1`).
    Kl = "kl", "kommuneloven", "Local Government Act", None,
        ["kommuneloven", "kommunelova", "lov om kommuner og fylkeskommuner", "koml"];
    /// Kommuneloven (1992), repealed by the 2018 act: chapter 10 A (state supervision), sections
    /// `§ 60 b`, `§ 77`.
    Kl1992 = "kl_1992", "kommuneloven (1992)", "Local Government Act (1992)", Some(2019),
        ["kommuneloven (1992)", "kommuneloven 1992", "kommunelova (1992)"];
    /// Boligsosialloven (2023).
    Bsl = "bsl", "boligsosialloven", "Social Housing Act", None,
        ["boligsosialloven", "bustadsosiallova", "lov om kommunenes ansvar på det boligsosiale feltet"];
    /// Folkehelseloven.
    Fhl = "fhl", "folkehelseloven", "Public Health Act", None, ["folkehelseloven", "folkehelselova", "lov om folkehelsearbeid"];
    /// Plan- og bygningsloven.
    Pbl = "pbl", "plan- og bygningsloven", "Planning and Building Act", None, ["plan- og bygningsloven", "plan- og bygningslova"];
    /// Helseregisterloven.
    Hrl = "hrl", "helseregisterloven", "Health Registry Act", None, ["helseregisterloven", "helseregisterlova"];
    /// Barnevernsloven (1992 and 2021: the parser does not tell them apart).
    Bvl = "bvl", "barnevernsloven", "Child Welfare Act", None, ["barnevernsloven", "barnevernloven", "barnevernslova", "barnevernlova"];
    /// Helsetilsynsloven: lov om statlig tilsyn med helse- og omsorgstjenesten m.m. (2017), the
    /// ground of today's tilsyn.
    Htil = "htil", "helsetilsynsloven", "Health Supervision Act", None,
        ["helsetilsynsloven", "helsetilsynslova", "lov om statlig tilsyn med helse- og omsorgstjenesten", "lov om statleg tilsyn med helse- og omsorgstenesta"];
    /// Lov om statlig tilsyn med helsetjenesten (tilsynsloven, 1984), repealed by helsetilsynsloven:
    /// the ground of older tilsyn.
    Tilsynsloven1984 = "tilsynsloven_1984", "lov om statlig tilsyn med helsetjenesten (1984)", "Act on State Supervision of Health Services (1984)", Some(2019),
        ["lov om statlig tilsyn med helsetjenesten", "tilsynsloven", "lov om statleg tilsyn med helsetenesta", "tilsynslova"];
    /// Kommunehelsetjenesteloven: lov om helsetjenesten i kommunene (1982), repealed by
    /// helse- og omsorgstjenesteloven.
    Khl = "khl", "kommunehelsetjenesteloven", "Municipal Health Services Act (1982)", Some(2012),
        ["kommunehelsetjenesteloven", "lov om helsetjenesten i kommunene", "kommunehelsetenestelova", "lov om helsetenesta i kommunane"];
    /// Arbeids- og velferdsforvaltningsloven (NAV-loven).
    Navl = "navl", "arbeids- og velferdsforvaltningsloven", "Labour and Welfare Administration Act", None,
        ["arbeids- og velferdsforvaltningsloven", "nav-loven", "nav-lova", "lov om arbeids- og velferdsforvaltningen", "arbeids- og velferdsforvaltningslova"];
    /// Personopplysningsloven.
    Popplyl = "popplyl", "personopplysningsloven", "Personal Data Act", None, ["personopplysningsloven", "personopplysningslova"];
    /// Offentleglova.
    Offl = "offl", "offentleglova", "Freedom of Information Act", None, ["offentleglova", "offentlighetsloven"];
    /// Forskrift om habilitering og rehabilitering, individuell plan og koordinator.
    ForskriftHabRehab = "forskrift_hab_rehab", "forskrift om habilitering og rehabilitering", "Regulation on habilitation, rehabilitation, individual plan and coordinator", None,
        ["forskrift om habilitering og rehabilitering", "forskrift om habilitering og rehabilitering, individuell plan og koordinator", "forskrift hab/rehab", "rehabiliteringsforskriften",
         "rehabiliteringsforskrifta", "habiliterings- og rehabiliteringsforskriften"];
    /// Forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten (2016, in force 2017).
    ForskriftLedelseKvalitet = "forskrift_ledelse_kvalitet", "forskrift om ledelse og kvalitetsforbedring", "Regulation on management and quality improvement", None,
        ["forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten", "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenestene", "forskrift om ledelse og kvalitetsforbedring", "forskrift ledelse/kvalitet",
         "forskrift om leiing og kvalitetsforbetring i helse- og omsorgstenesta", "forskrift om leiing og kvalitetsforbetring"];
    /// Forskrift om internkontroll i sosial- og helsetjenesten (2002; later "i helse- og
    /// omsorgstjenesten"), replaced in 2017 by the regulation on management and quality
    /// improvement. "Internkontrollforskriften" is read as this one: the HMS regulation of the
    /// same short name is not cited by these reports.
    ForskriftInternkontroll = "forskrift_internkontroll", "forskrift om internkontroll i sosial- og helsetjenesten", "Regulation on internal control in social and health services (2002)", Some(2017),
        ["forskrift om internkontroll i sosial- og helsetjenesten", "forskrift om internkontroll i helse- og omsorgstjenesten", "internkontrollforskriften",
         "forskrift om internkontroll i sosial- og helsetenesta", "forskrift om internkontroll i helse- og omsorgstenesta", "internkontrollforskrifta"];
    /// Forskrift om internkontroll for kommunen i arbeids- og velferdsforvaltningen (2010).
    ForskriftInternkontrollNav = "forskrift_internkontroll_nav", "forskrift om internkontroll for kommunen i arbeids- og velferdsforvaltningen", "Regulation on municipal internal control in NAV", None,
        ["forskrift om internkontroll for kommunen i arbeids- og velferdsforvaltningen", "forskrift om internkontroll for kommunen i nav"];
    /// Pasientjournalforskriften: forskrift om pasientjournal.
    Pasientjournalforskriften = "pasientjournalforskriften", "pasientjournalforskriften", "Regulation on patient records", None,
        ["forskrift om pasientjournal", "pasientjournalforskrifta"];
    /// Forskrift om individuell plan (2004), replaced in 2012 by the hab/rehab regulation.
    ForskriftIndividuellPlan = "forskrift_individuell_plan", "forskrift om individuell plan", "Regulation on individual plans (2004)", Some(2012),
        ["forskrift om individuell plan", "forskrift om individuell plan etter helselovgivningen og sosialtjenesteloven"];
    /// Kvalitetsforskriften: forskrift om kvalitet i pleie- og omsorgstjenestene.
    Kvalitetsforskriften = "kvalitetsforskriften", "kvalitetsforskriften", "Regulation on quality in care services", None,
        ["forskrift om kvalitet i pleie- og omsorgstjenestene", "kvalitetsforskrifta", "forskrift om kvalitet i pleie- og omsorgstenestene"];
    /// Fastlegeforskriften: forskrift om fastlegeordning i kommunene.
    Fastlegeforskriften = "fastlegeforskriften", "fastlegeforskriften", "Regulation on the regular GP scheme", None,
        ["forskrift om fastlegeordning i kommunene", "fastlegeforskrifta"];
    /// Forskrift om kommunal betaling for utskrivningsklare pasienter.
    Utskrivningsforskriften = "utskrivningsforskriften", "forskrift om utskrivningsklare pasienter", "Regulation on patients ready for discharge", None,
        ["forskrift om kommunal betaling for utskrivningsklare pasienter", "forskrift om kommunal betaling for utskrivingsklare pasientar", "utskrivingsforskriften", "forskrift om utskrivningsklare pasienter"];
}

impl fmt::Display for Law {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}
