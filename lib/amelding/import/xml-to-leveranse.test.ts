import { describe, expect, it } from "vitest";
import { XML_V2_3 as FIXTURE, XML_V2_2 } from "./fixtures/xml-fixtures";
import { xmlToLeveranse } from "./xml-to-leveranse";

/** A minimal v2.x document around the given Leveranse content. */
function melding(inner: string, namespace = "urn:ske:fastsetting:innsamling:a-meldingen:v2_3") {
  return `<?xml version="1.0"?><melding xmlns="${namespace}"><Leveranse>${inner}</Leveranse></melding>`;
}

function converted(xml: string) {
  const result = xmlToLeveranse(xml);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result;
}

describe("xmlToLeveranse with a realistic file from a payroll system", () => {
  const { leveranse, version, warnings } = converted(FIXTURE);
  const oppgave = leveranse.oppgave as any;

  it("reads the header, stripping the namespace prefix", () => {
    expect(version).toBe("v2_3");
    expect(warnings).toEqual([]);
    expect(leveranse).toMatchObject({
      leveringstidspunkt: "2026-04-03T09:15:00",
      kalendermaaned: "2026-03",
      kildesystem: "Gammel Lønn 7.2",
      meldingsId: "GL-2026-03-0001",
      opplysningspliktig: { norskIdentifikator: "310900125" },
      spraakForTilbakemelding: "bokmaal",
    });
  });

  it("turns repeated elements into arrays, also when a file holds only one of them", () => {
    expect(oppgave.virksomhet).toHaveLength(2);
    const [first, second] = oppgave.virksomhet;
    expect(first.inntektsmottaker).toHaveLength(2);
    // One person, one arbeidsforhold, one inntekt, one forskuddstrekk: still arrays.
    expect(second.inntektsmottaker).toHaveLength(1);
    const sigrid = second.inntektsmottaker[0];
    expect(Array.isArray(sigrid.arbeidsforhold)).toBe(true);
    expect(Array.isArray(sigrid.inntekt)).toBe(true);
    expect(Array.isArray(sigrid.forskuddstrekk)).toBe(true);
    expect(second.arbeidsgiveravgift.loennOgGodtgjoerelse).toHaveLength(1);
    expect(first.inntektsmottaker[1].arbeidsforhold.map((a: any) => a.arbeidsforholdId)).toEqual([
      "AF-0107-1",
      "AF-0107-2",
    ]);
    // Single elements stay objects.
    expect(sigrid.identifiserendeInformasjon).toEqual({ navn: "Sigrid Syntetisk", foedselsdato: "1975-02-28" });
    expect(oppgave.betalingsinformasjon).toEqual({
      sumForskuddstrekkPerLoennsutbetalingsdato: [{ loennsutbetalingsdato: "2026-03-20", beloep: 31950 }],
      sumArbeidsgiveravgift: 18434,
    });
    expect(first.inntektsmottaker[0].arbeidsforhold[0].formForAnsettelse).toBe("fast");
  });

  it("converts amounts and booleans, but keeps identifiers with leading zeros as text", () => {
    const ola = oppgave.virksomhet[0].inntektsmottaker[1];
    expect(ola.norskIdentifikator).toBe("03919210140");
    expect(ola.identifiserendeInformasjon.navn).toBe("Ola Prøvesen & sønn");
    expect(ola.inntekt[0]).toEqual({
      fordel: "kontantytelse",
      utloeserArbeidsgiveravgift: true,
      inngaarIGrunnlagForTrekk: true,
      beloep: 23989.5,
      arbeidsforholdId: "AF-0107-1",
      loennsinntekt: { beskrivelse: "timeloenn", antall: 98.5 },
    });
    // xs:boolean also allows 1 and 0.
    expect(ola.inntekt[1]).toMatchObject({
      utloeserArbeidsgiveravgift: true,
      inngaarIGrunnlagForTrekk: false,
      beloep: 350,
    });
    expect(ola.forskuddstrekk).toEqual([{ beskrivelse: "ordinaert", beloep: -7150 }]);
    expect(ola.arbeidsforhold[1]).toMatchObject({
      stillingsprosent: 20.5,
      antallTimerPerUkeSomEnFullStillingTilsvarer: 37.5,
    });
    const kari = oppgave.virksomhet[0].inntektsmottaker[0];
    expect(kari.identifiserendeInformasjon.ansattnummer).toBe("0042");
    expect(kari.arbeidsforhold[0].yrke).toBe("0213103");
    expect(kari.inntekt[0].beloep).toBe(52000);
    expect(oppgave.virksomhet[0].arbeidsgiveravgift.loennOgGodtgjoerelse[0]).toEqual({
      beregningskodeForArbeidsgiveravgift: "generelleNaeringer",
      sone: "1",
      avgiftsgrunnlagBeloep: 76339.5,
      prosentsatsForAvgiftsberegning: 14.1,
    });
  });
});

describe("xmlToLeveranse with a file written for an older 2.x model", () => {
  it("reads it, and leaves out the single forskuddstrekk sum v2.3 replaced, saying so", () => {
    expect(XML_V2_2).toContain("<ns2:sumForskuddstrekk>");
    expect(XML_V2_2).not.toContain("<ns2:formForAnsettelse>");
    const { leveranse, version, warnings } = converted(XML_V2_2);
    expect(version).toBe("v2_2");
    expect((leveranse.oppgave as any).betalingsinformasjon).toEqual({ sumArbeidsgiveravgift: 18434 });
    expect(warnings).toEqual([
      {
        code: "unknown_element",
        element: "oppgave.betalingsinformasjon.sumForskuddstrekk",
        count: 1,
        firstPath: ["oppgave", "betalingsinformasjon", "sumForskuddstrekk"],
      },
    ]);
  });
});

describe("xmlToLeveranse edge cases", () => {
  it("accepts a default namespace and other v2.x versions, and reports the version", () => {
    const result = converted(
      melding("<kalendermaaned>2026-01</kalendermaaned>", "urn:ske:fastsetting:innsamling:a-meldingen:v2_0"),
    );
    expect(result.version).toBe("v2_0");
    expect(result.leveranse).toEqual({ kalendermaaned: "2026-01" });
  });

  it("keeps a value that is not a number as the text found, for the field validation to report", () => {
    const { leveranse } = converted(
      melding(
        "<oppgave><virksomhet><inntektsmottaker><inntekt><beloep>12 000,50</beloep><utloeserArbeidsgiveravgift>ja</utloeserArbeidsgiveravgift></inntekt></inntektsmottaker></virksomhet></oppgave>",
      ),
    );
    expect((leveranse as any).oppgave.virksomhet[0].inntektsmottaker[0].inntekt[0]).toEqual({
      beloep: "12 000,50",
      utloeserArbeidsgiveravgift: "ja",
    });
  });

  it("treats an element marked xsi:nil as absent and an empty complex element as empty", () => {
    const { leveranse } = converted(
      melding('<erstatterMeldingsId xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><oppgave/>'),
    );
    expect(leveranse).toEqual({ oppgave: {} });
  });

  it("leaves out elements the XSD does not have and counts them per element path", () => {
    const result = converted(
      melding(
        "<lonnssystemVersjon>7</lonnssystemVersjon><oppgave><virksomhet><norskIdentifikator>312000016</norskIdentifikator>" +
          "<inntektsmottaker><avdeling>A</avdeling></inntektsmottaker><inntektsmottaker><avdeling>B</avdeling></inntektsmottaker>" +
          "</virksomhet></oppgave>",
      ),
    );
    expect(result.leveranse).toEqual({
      oppgave: { virksomhet: [{ norskIdentifikator: "312000016", inntektsmottaker: [{}, {}] }] },
    });
    expect(result.warnings).toEqual([
      { code: "unknown_element", element: "lonnssystemVersjon", count: 1, firstPath: ["lonnssystemVersjon"] },
      {
        code: "unknown_element",
        element: "oppgave.virksomhet.inntektsmottaker.avdeling",
        count: 2,
        firstPath: ["oppgave", "virksomhet", 0, "inntektsmottaker", 0, "avdeling"],
      },
    ]);
  });
});

describe("xmlToLeveranse errors", () => {
  it("reports malformed XML with line and column", () => {
    const result = xmlToLeveranse(
      '<?xml version="1.0"?>\n<melding>\n  <Leveranse>\n    <kalendermaaned>2026-01</kalendermaaned>\n  </melding>',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ code: "xml_malformed", line: 5, column: 3 });
    expect((result.errors[0] as { detail: string }).detail).toContain("Leveranse");
  });

  it("refuses another root element, naming it", () => {
    expect(xmlToLeveranse('<ns:Leveranse xmlns:ns="urn:ske:fastsetting:innsamling:a-meldingen:v2_3"/>')).toEqual({
      ok: false,
      errors: [{ code: "xml_wrong_root", found: "ns:Leveranse" }],
    });
  });

  it("refuses a missing or foreign namespace", () => {
    expect(xmlToLeveranse("<melding><Leveranse/></melding>")).toEqual({
      ok: false,
      errors: [{ code: "xml_wrong_namespace", found: null }],
    });
    expect(xmlToLeveranse(melding("", "urn:ske:fastsetting:innsamling:a-meldingen:v1_0"))).toEqual({
      ok: false,
      errors: [{ code: "xml_wrong_namespace", found: "urn:ske:fastsetting:innsamling:a-meldingen:v1_0" }],
    });
  });

  it("refuses a melding without Leveranse", () => {
    expect(
      xmlToLeveranse('<melding xmlns="urn:ske:fastsetting:innsamling:a-meldingen:v2_3"><leveranse/></melding>'),
    ).toEqual({
      ok: false,
      errors: [{ code: "xml_missing_leveranse" }],
    });
  });

  it("reports every structure error with its path", () => {
    const result = xmlToLeveranse(
      melding(
        "<kalendermaaned>2026-01</kalendermaaned><kalendermaaned>2026-02</kalendermaaned>" +
          "<oppgave><virksomhet><inntektsmottaker><inntekt><beloep><verdi>1</verdi></beloep></inntekt></inntektsmottaker></virksomhet>" +
          "<virksomhet>312000016</virksomhet></oppgave>",
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: "xml_repeated_element", path: ["kalendermaaned"] },
        {
          code: "xml_expected_value",
          path: ["oppgave", "virksomhet", 0, "inntektsmottaker", 0, "inntekt", 0, "beloep"],
        },
        { code: "xml_expected_elements", path: ["oppgave", "virksomhet", 1] },
      ],
    });
  });
});
