//! The codebook's data: one [`Entry`] per gap category, with its example quote.

use super::{Entry, Example, Origin};
use crate::taxonomy::GapCategory;

const FIXTURE: &str = "hand-written tilsyn fixture (tests/fixtures/tilsyn/), not a real report";
const ASKER: &str = "Deloitte, Asker 2026";
const VESTBY: &str = "Deloitte, Vestby 2025";
const ASNES: &str = "Hedmark Revisjon, Åsnes 2014";
const NES: &str = "Romerike revisjon, Nes 2025";

const fn ex(
    source: &'static str,
    line: usize,
    quote: &'static str,
    document: &'static str,
) -> Example {
    Example {
        source,
        line,
        quote,
        document,
    }
}

const A: &str = "004_a57f6f7e83a1f297.txt";
const V: &str = "003_252dfb343a51aa48.txt";
const S: &str = "002_e39181351e13a34f.txt";
const N: &str = "000_b1b178c2101948b1.txt";
const E: &str = "eikvik-2018.txt";

/// The codebook, one entry per [`GapCategory`], in the order of [`GapCategory::ALL`].
pub(super) const ENTRIES: &[Entry] = &[
    Entry {
        category: GapCategory::ResponsibilityUnclear,
        definition: "Who is responsible for a task, a user group or a handover is not settled or not known.",
        cues: "uklar ansvarsfordeling, ansvar ikke tydelig fordelt, uklare roller, ikke avklart kven som har ansvaret",
        origin: Origin::Design,
        example: ex(
            A,
            518,
            "Deloitte vurderer at oppgaver og ansvar i tjenester til mennesker med ROP-lidelser ikke er tilstrekkelig tydelig fordelt i Asker kommune.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::NoFormalAgreement,
        definition: "A collaboration that should rest on a written agreement (samarbeidsavtale) has none.",
        cues: "ikke etablert samarbeidsavtale, ingen formell avtale, mangler avtale",
        origin: Origin::Design,
        example: ex(
            V,
            1690,
            "Det fremgår at det ikke er etablert samarbeidsavtaler eller -rutiner for samarbeid på ledernivå inn mot psykisk helse-området i kommunen.",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::NoRoutines,
        definition: "Written routines or procedures for a collaboration or a task are missing or not known.",
        cues: "mangler rutiner, ikke skriftlige rutiner, ingen prosedyre, rutinane manglar",
        origin: Origin::Design,
        example: ex(
            V,
            2737,
            "Det er ikke etablert rutiner for tverrfaglig samhandling",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::InformationSharing,
        definition: "Information about users or plans does not reach the services that need it.",
        cues: "informasjonsdeling, informasjonsflyt, informasjon blir ikke overført, deling av opplysninger",
        origin: Origin::Design,
        example: ex(
            A,
            661,
            "Undesøkelsen viser at det er behov for bedre informasjonsdeling mellom kommunen og spesialisthelsetjenestene",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::IndividualPlan,
        definition: "Users with a right to an individual plan (IP) are not offered one, or plans are not made or used.",
        cues: "individuell plan, IP, tilbud om individuell plan, rett til IP",
        origin: Origin::Design,
        example: ex(
            A,
            1006,
            "Undersøkelsen viser at det ikke går frem av relevante rutiner eller kartleggingsskjema til Velferdsforvaltningen at det skal informeres om IP",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Coordinator,
        definition: "Users who need one get no coordinator, or coordinators lack the mandate or training.",
        cues: "koordinator, ikke oppnevnt koordinator, opplæring og veiledning av koordinator",
        origin: Origin::Design,
        example: ex(
            A,
            998,
            "men at det ikke alltid formelt er oppnevnt en koordinator eller etablert en IP.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::CoordinatingUnit,
        definition: "The coordinating unit (koordinerende enhet, hol § 7-3) is missing, unknown or does not do its duties.",
        cues: "koordinerende enhet, KE, hol § 7-3",
        origin: Origin::Design,
        example: ex(
            S,
            5957,
            "Revisor vurderer at dette utgjør et avvik fra krav i helse- og omsorgstjenesteloven § 7-3.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Capacity,
        definition: "Too few staff, places or hours for the need: waiting times, pressure on a service.",
        cues: "kapasitet, ventetid, press på tjenestene, ressurser, bemanning",
        origin: Origin::Design,
        example: ex(
            S,
            6033,
            "Revisor merker seg at det et høyt og stigende press på tjenestene i ViTT",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Housing,
        definition: "Users lack suitable housing or follow-up in their home (bolig, booppfølging, midlertidig botilbud).",
        cues: "bolig, boligmangel, booppfølging, midlertidig botilbud, akuttbolig",
        origin: Origin::Design,
        example: ex(
            A,
            788,
            "Kommunen har særskilt utfordringer med å sikre tilstrekkelig boliger og booppfølging til denne brukergruppen.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Competence,
        definition: "Staff lack knowledge or skills the users' needs require, or access to them.",
        cues: "kompetanse, kompetanseheving, opplæring, mangler fagkompetanse",
        origin: Origin::Design,
        example: ex(
            S,
            4189,
            "som en svakhet at kommunen ikke har egen intern tilgang til den kompetanse som en psykolog har.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::UserInvolvement,
        definition: "Users do not take part in shaping their services, or their views are not sought (brukermedvirkning).",
        cues: "brukermedvirkning, brukerundersøkelse, brukarmedverknad, medvirke",
        origin: Origin::Design,
        example: ex(
            S,
            4797,
            "men det noteres som en mangel at det ikke gjennomført noen brukerundersøkelse hos den psykisk helse- og rustjeneste i løpet av de seneste år.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::NextOfKin,
        definition: "Next of kin, and users' children, are not mapped, involved or offered support.",
        cues: "pårørende, pårørande, barn som pårørende, pårørendearbeid",
        origin: Origin::Design,
        example: ex(
            A,
            1099,
            "Deloitte vurderer at Asker kommune ikke i tilstrekkelig grad sikrer at nære pårørende av brukere kartlegges med tanke på egne hjelpebehov.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::PlanningGovernance,
        definition: "Plans and goals for the field are missing, not implemented or not followed up by management.",
        cues: "planer, mål, styring, temaplan, ikke implementert, ikke fulgt opp",
        origin: Origin::Design,
        example: ex(
            A,
            398,
            "Deloitte vurderer at mål og planer innen psykisk helse- og rusarbeid i kommunen ikke er tilstrekkelig implementert og fulgt opp",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::MappingAssessment,
        definition: "Users' needs are not mapped or assessed systematically (kartlegging, utredning); for somatic health alone see somatic_health.",
        cues: "kartlegging, utredning, kartleggingsskjema, ikke kartlagt",
        origin: Origin::Design,
        example: ex(
            V,
            1296,
            "I stikkprøvekontrollen Deloitte har gjennomført, går det frem at det ikke er dokumentert bruk av kartleggingsskjema i noen av sakene som er gjennomgått.",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::SpecialistInterface,
        definition: "Collaboration with the specialist health service (DPS, TSB, hospital) fails: admission, discharge, referrals.",
        cues: "spesialisthelsetjenesten, DPS, utskrivning, innleggelse, inntakskrav, henvisning",
        origin: Origin::Design,
        example: ex(
            A,
            659,
            "kommunen opplever at spesialisthelsetjenesten har for snevre inntakskrav for ROP-brukere både i DPS og i FACT-teamet.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::PublicInformation,
        definition: "Residents lack accessible, up-to-date information about the services and how to get them.",
        cues: "informasjon til innbyggerne, hjemmeside, tilgjengelig informasjon",
        origin: Origin::Design,
        example: ex(
            S,
            6024,
            "Det er ikke oppdaterte husleiesatser for 2014 på kommunens hjemmeside",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::ReportingFollowup,
        definition: "Reporting to management or political bodies, or their follow-up of decisions, is late or missing.",
        cues: "rapportering, tilbakemelding til kontrollutvalget, oppfølging av vedtak",
        origin: Origin::Design,
        example: ex(
            N,
            791,
            "Første rapportering fra administrasjonen kom derfor et år senere enn forutsatt.",
            NES,
        ),
    },
    Entry {
        category: GapCategory::Safety,
        definition: "The safety of staff or users is not assessed or secured (violence risk, working alone).",
        cues: "sikkerhet, risikovurdering, alenearbeid, vold og trusler",
        origin: Origin::Design,
        example: ex(
            S,
            6051,
            "Revisor stiller spørsmål ved om det er foretatt risikovurdering for å ivareta de ansattes sikkerhet",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::Outreach,
        definition: "Outreach or ambulant follow-up (oppsøkende, ambulant team) is missing or too little.",
        cues: "oppsøkende arbeid, ambulant oppfølging, oppsøkende team, ACT, FACT",
        origin: Origin::Design,
        example: ex(
            S,
            6013,
            "Åsnes kommune har ikke selv et aktivt oppsøkende behandlingsteam på gateplan.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::ActivityWork,
        definition: "Users lack suitable activity, day or work offers.",
        cues: "aktivitetstilbud, arbeidstilbud, arbeidsrettede tiltak, meningsfull aktivitet",
        origin: Origin::Design,
        example: ex(
            A,
            52,
            "Asker kommunen har også forbedringspunkt når det gjelder tilpassede aktivitets- og arbeidstilbud til brukere med ROP-lidelser.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::CultureSilo,
        definition: "Services work in isolation from each other: silo thinking, differing cultures.",
        cues: "silotenkning, sektorinndeling, jobber hver for seg, ulik kultur",
        origin: Origin::Design,
        example: ex(
            A,
            562,
            "Flere av de intervjuede lederne peker på at silotenkning og sektorinndeling i kommunen ofte hindrer effektivt samarbeid mellom tjenester",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::InternalControl,
        definition: "Internal control fails: routines not revised, deviations not reported, risks not assessed.",
        cues: "internkontroll, avvikssystem, risikovurdering, rutiner ikke revidert, forskrift om ledelse og kvalitetsforbedring",
        origin: Origin::Seeds,
        example: ex(
            V,
            1307,
            "Deloitte merker seg at flere av rutinene, skjema og retningslinjene for søknads- og samhandlingsenheten ikke er revidert på over 10 år",
            VESTBY,
        ),
    },
    Entry {
        category: GapCategory::DecisionPractice,
        definition: "Case handling and formal decisions (vedtak) are missing, slow or lack criteria.",
        cues: "saksbehandling, vedtak, enkeltvedtak, tildelingskriterier",
        origin: Origin::Seeds,
        example: ex(
            S,
            3905,
            "På tilsvarende vis opererer tildelerenheten ikke med kriterier for tildelinger av tjenester.",
            ASNES,
        ),
    },
    Entry {
        category: GapCategory::SystemCollaboration,
        definition: "Collaboration between services is not organised at system level (forums, structures), apart from agreements and routines.",
        cues: "samhandling på systemnivå, systematisk samarbeid, samarbeidsarenaer",
        origin: Origin::Seeds,
        example: ex(
            A,
            591,
            "Deloitte vurderer at kommunen ikke har etablert tilstrekkelig system og rutiner som sikrer systematisk samarbeid mellom kommunale tjenester",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::LowThreshold,
        definition: "Low-threshold services without a formal decision (lavterskeltilbud) are missing.",
        cues: "lavterskeltilbud, lavterskel, uten vedtak",
        origin: Origin::Seeds,
        example: ex(
            N,
            104,
            "etterlyses et lavterskeltilbud for denne gruppen.",
            NES,
        ),
    },
    Entry {
        category: GapCategory::Documentation,
        definition: "What was assessed, decided and done is not recorded in the journal (dokumentasjon og journalføring).",
        cues: "journalføring, dokumentasjon, ikke dokumentert, ikkje journalført, pasientjournal",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            44,
            "Vurderinger og beslutninger om tjenestetilbudet var ikke journalført",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::CrisisPlan,
        definition: "Users lack a crisis plan, or the plan is not known to those who must act on it.",
        cues: "kriseplan, kriseplanar, plan for kriser, varselsymptomer",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            40,
            "Kriseplan var utarbeidet for tre av tolv tjenestemottakere",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::Consent,
        definition: "Information is shared, or services given, without the user's consent being obtained or recorded.",
        cues: "samtykke, samtykkeerklæring, samtykt, taushetsplikt",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            42,
            "I fem journaler var det ikke dokumentert at tjenestemottakeren hadde samtykket til at opplysninger ble delt med NAV Eikvik og fastlegen.",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::IndividualCoordination,
        definition: "One person's services are not coordinated with each other, whatever the remedy (IP, coordinator, responsibility group).",
        cues: "samordning og koordinering av tjenester, koordinerte tenester, samordna, følger opp hver for seg",
        origin: Origin::Tilsyn,
        example: ex(
            A,
            60,
            "Asker kommune iverksetter ikke i tilstrekkelig grad tiltak for samordning og koordinering av tjenester for brukere med behov for langvarig og koordinerte tjenester.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::TreatmentAdequacy,
        definition: "The help given is not adequate to the assessed need: too little, or not sound (forsvarlig, hol § 4-1).",
        cues: "forsvarlig, ikke tilstrekkelig tilbud, færre samtaler enn vedtaket, hol § 4-1",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            62,
            "Tilbudet fra Psykisk helse- og rustjenesten var ikke tilstrekkelig til å dekke de behovene som var kartlagt",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::SomaticHealth,
        definition: "Users' physical health is not mapped or followed up, or who does it is not agreed with the GP.",
        cues: "somatisk helse, somatiske plager, fysisk helse, fastlegen, tannhelse",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            38,
            "Ingen av de tolv gjennomgåtte journalene viste at tjenestemottakerens somatiske helse var kartlagt",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::DailyLiving,
        definition: "Help with practical tasks and daily living (praktisk bistand, hol § 3-2 nr. 6 b) is not assessed or given.",
        cues: "praktisk bistand, praktiske gjøremål, dagliglivets gjøremål, heimehjelp, opplæring i dagliglivet",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            58,
            "Behovet for praktisk bistand i hjemmet var ikke vurdert for sju av tolv tjenestemottakere",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::FinancialHelp,
        definition: "NAV's information, advice and guidance on finances (stjl § 17) or financial assistance is not given.",
        cues: "økonomisk råd og veiledning, opplysning, råd og veiledning, økonomisk stønad, gjeld, sosialtjenesteloven § 17",
        origin: Origin::Tilsyn,
        example: ex(
            E,
            60,
            "NAV Eikvik ga ikke opplysninger, råd og veiledning om økonomi til tjenestemottakere som hadde gjeld og ubetalte husleier.",
            FIXTURE,
        ),
    },
    Entry {
        category: GapCategory::ServiceEvaluation,
        definition: "Whether the services given work is not followed up or evaluated, and they are not adjusted.",
        cues: "evaluering, oppfølging og evaluering, justert etter behov, evaluere tiltak",
        origin: Origin::Tilsyn,
        example: ex(
            A,
            1185,
            "Samtidig vurderer Deloitte at det ikke er tilstrekkelig tydeliggjorte roller og ansvar i evalueringen av tjenestene til brukerne.",
            ASKER,
        ),
    },
    Entry {
        category: GapCategory::Other,
        definition: "None of the categories fits; say what the gap is about in its summary. Check this table first: other should be rare.",
        cues: "",
        origin: Origin::Design,
        example: ex(
            S,
            5073,
            "NAV kan være vanskelig å komme i kontakt med, og det er ofte bytte av saksbehandler.",
            ASNES,
        ),
    },
];
