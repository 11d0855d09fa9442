import { maskPersonalNumbers } from "@/lib/validation/mask-personal-data";
import type { AmeldingRule, RuleFinding } from "./rule-types";
import type { RulesView, ViewArbeidsforhold, ViewPerson } from "./rules-view";

/*
 * The A-melding control rules we run before sending, as data: each with its source, its
 * severity and the months it applies to. How to add one: docs/rules.md. Skatteetaten publishes
 * its controls as web pages per code ("Oversikt over feilmeldinger (MAGNET/EDAG)"), not as a
 * machine-readable list, so each entry says where it was read and what is our choice.
 */

const GUIDE = "https://www.skatteetaten.no/en/business-and-organisation/employer/the-a-melding/the-a-melding-guide/";
const ERROR_PAGES = `${GUIDE}error-messages-magnetedag-and-feedback/error-messagesdiscrepancies-magnetedag/`;
const BANK_HELP =
  "https://www.sparebank1.no/nb/ostfold-akershus/bedrift/kundeservice/bank-regnskap/hvorfor-far-jeg-feilmelding-i-a-meldingen-.html";
const SEVERITY_UNPUBLISHED = "The severity is not stated on a page we could read; ours.";

/** Kinds of employment that carry a form of employment (fast/midlertidig): the ordinary and maritime ones. */
const EMPLOYMENT_TYPES = new Set(["ordinaertArbeidsforhold", "maritimtArbeidsforhold"]);
/** Wage descriptions that only an employee is paid (an employment must be reported with them). */
const WAGES_NEEDING_EMPLOYMENT = new Set(["fastloenn", "timeloenn", "overtidsgodtgjoerelse", "feriepenger"]);

const personLabel = (p: ViewPerson) => [p.name, p.id && maskPersonalNumbers(p.id)].filter(Boolean).join(", ");

/** The first day of a kalendermåned ("2026-10" → "2026-10-01"). */
const firstDay = (month: string) => `${month}-01`;

/** Whether a date ends before the month starts (an empty date never ends). */
const endedBefore = (sluttdato: string, month: string) => sluttdato !== "" && sluttdato < firstDay(month);

const personKey = (p: ViewPerson) => `${p.virksomhet}|${p.id}`;
const employmentKey = (a: ViewArbeidsforhold) => a.arbeidsforholdId || `${a.typeArbeidsforhold}|${a.startdato}`;

function indexPersons(view: RulesView) {
  return new Map(view.persons.filter((p) => p.id !== "").map((p) => [personKey(p), p]));
}

export const AMELDING_RULES: readonly AmeldingRule[] = [
  {
    id: "incomeWithoutEmployment",
    skatteetatenCode: "MAGNET_EDAG-219",
    severity: "Oeyeblikkelig",
    severityPublished: false,
    messageKey: "ameldingRules.messages.incomeWithoutEmployment",
    field: "arbeidsforhold",
    source: {
      kind: "third-party",
      url: ERROR_PAGES,
      section: "Error messages (MAGNET/EDAG): employment information missing for an income recipient",
      note: `The code is the one payroll help pages give for wages without an arbeidsforhold. ${SEVERITY_UNPUBLISHED} Only wages that only an employee is paid (fastloenn, timeloenn, overtid, feriepenger) count: fees and pensions need no employment.`,
    },
    validFrom: "2026-01",
    validTo: null,
    needsHistory: false,
    check: ({ current }) =>
      current.persons
        .filter(
          (p) =>
            p.arbeidsforhold.length === 0 &&
            p.inntekt.some((i) => WAGES_NEEDING_EMPLOYMENT.has(i.loennsinntektBeskrivelse)),
        )
        .map((p) => ({ path: `${p.path}.arbeidsforhold`, params: { person: personLabel(p) } })),
  },
  {
    id: "positiveForskuddstrekk",
    skatteetatenCode: "MAGNET_EDAG-278",
    severity: "Avvisning",
    severityPublished: false,
    messageKey: "ameldingRules.messages.positiveForskuddstrekk",
    field: "forskuddstrekk.beloep",
    source: {
      kind: "third-party",
      url: BANK_HELP,
      section: "Feilmelding: MAGNET_EDAG-278 (positive forskuddstrekk for an income recipient)",
      note: `The official JSON example writes forskuddstrekk as a negative amount; the builder's schema refuses a positive one too (deductionNegative). ${SEVERITY_UNPUBLISHED}`,
    },
    validFrom: "2026-01",
    validTo: null,
    needsHistory: false,
    check: ({ current }) =>
      current.persons.flatMap((p) =>
        p.forskuddstrekk
          .filter((line) => line.beloep !== null && line.beloep > 0)
          .map((line) => ({ path: `${p.path}.forskuddstrekk.${line.index}.beloep` })),
      ),
  },
  {
    id: "employmentFormMissing",
    skatteetatenCode: "MAGNET_EDAG-291",
    severity: "Avvisning",
    severityPublished: false,
    messageKey: "ameldingRules.messages.employmentFormMissing",
    field: "arbeidsforhold.formForAnsettelse",
    source: {
      kind: "third-party",
      url: BANK_HELP,
      section: "Feilmelding: MAGNET_EDAG-291 (every employment reported with form of employment since January 2021)",
      note: `The builder's schema leaves formForAnsettelse optional so files of older 2.x payroll systems import; this rule asks for it before sending. ${SEVERITY_UNPUBLISHED}`,
    },
    validFrom: "2026-01",
    validTo: null,
    needsHistory: false,
    check: ({ current }) =>
      current.persons.flatMap((p) =>
        p.arbeidsforhold
          .filter((a) => EMPLOYMENT_TYPES.has(a.typeArbeidsforhold) && a.formForAnsettelse === "")
          .map((a) => ({ path: `${p.path}.arbeidsforhold.${a.index}.formForAnsettelse` })),
      ),
  },
  {
    id: "leftWithoutEndDate",
    skatteetatenCode: null,
    severity: "Retningslinje",
    severityPublished: false,
    messageKey: "ameldingRules.messages.leftWithoutEndDate",
    field: "inntektsmottaker",
    source: {
      kind: "ours",
      url: GUIDE,
      section: "Employment: start and end date (an employment stays open until it is reported with an end date)",
      note: "No MAGNET/EDAG code is published for this; the check and its severity are ours.",
    },
    validFrom: "2026-01",
    validTo: null,
    needsHistory: true,
    check: ({ current, previous }) => {
      if (!previous) return [];
      const now = indexPersons(current);
      const findings: RuleFinding[] = [];
      for (const before of previous.persons) {
        if (before.id === "" || now.has(personKey(before))) continue;
        const open = before.arbeidsforhold.filter((a) => !endedBefore(a.sluttdato, current.kalendermaaned));
        if (open.length === 0) continue;
        const v = current.virksomheter.indexOf(before.virksomhet);
        findings.push({
          path: v >= 0 ? `oppgave.virksomhet.${v}.inntektsmottaker` : "oppgave.virksomhet",
          params: { person: personLabel(before) },
        });
      }
      return findings;
    },
  },
  {
    id: "leaveNotRepeated",
    skatteetatenCode: "MAGNET_EDAG-231",
    severity: "Oeyeblikkelig",
    severityPublished: false,
    messageKey: "ameldingRules.messages.leaveNotRepeated",
    field: "arbeidsforhold.permisjon",
    source: {
      kind: "official",
      url: `${ERROR_PAGES}leave-information-is-missing-231/`,
      section:
        "Leave information is missing (231): leave or lay-off must be repeated every month until its end date has passed",
      note: SEVERITY_UNPUBLISHED,
    },
    validFrom: "2026-01",
    validTo: null,
    needsHistory: true,
    check: ({ current, previous }) => {
      if (!previous) return [];
      const now = indexPersons(current);
      const findings: RuleFinding[] = [];
      for (const before of previous.persons) {
        const person = now.get(personKey(before));
        if (!person) continue;
        for (const employmentBefore of before.arbeidsforhold) {
          const employment = person.arbeidsforhold.find((a) => employmentKey(a) === employmentKey(employmentBefore));
          if (!employment) continue;
          const missing = employmentBefore.permisjon.filter(
            (leave) =>
              !endedBefore(leave.sluttdato, current.kalendermaaned) &&
              !employment.permisjon.some((l) =>
                leave.permisjonId ? l.permisjonId === leave.permisjonId : l.startdato === leave.startdato,
              ),
          );
          for (const leave of missing)
            findings.push({
              path: `${person.path}.arbeidsforhold.${employment.index}`,
              params: { permisjon: leave.permisjonId || leave.startdato },
            });
        }
      }
      return findings;
    },
  },
];
