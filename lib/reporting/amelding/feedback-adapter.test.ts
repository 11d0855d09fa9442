import { describe, expect, it } from "vitest";
import type { Transmission } from "@/lib/dialogporten/dialogporten-types";
import { stiToModelPath } from "@/lib/field-location/model-path";
import {
  feedbackStatusOf,
  findFeedbackTransmission,
  parseFeedbackDocument,
  readFeedbackBody,
} from "./feedback-adapter";

const FNR = "01017012345";

describe("A-melding feedback document", () => {
  it("reads the result, each deviation with its person and field, and the month's sums", () => {
    const parsed = parseFeedbackDocument({
      tilbakemelding: {
        meldingsId: "m-1",
        forsendelseId: "f-1",
        behandlingstidspunkt: "2026-11-03T10:00:00Z",
        behandlingsresultat: "GODKJENT_MED_AVVIK",
        avvik: [
          {
            kode: "MAGNET_EDAG-219",
            alvorlighetsgrad: "Oeyeblikkelig",
            melding: "Mangler arbeidsforhold",
            sti: "/leveranse/oppgave/virksomhet/0/inntektsmottaker/2/arbeidsforhold",
            virksomhet: { norskIdentifikator: "310900230" },
            inntektsmottaker: { identifikator: FNR, navn: "Kari Testesen" },
          },
          {
            kode: "MAGNET_EDAG-560",
            alvorlighetsgrad: "Retningslinje",
            melding: "Sum",
            sti: "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk",
          },
        ],
        mottattPeriode: {
          sumForskuddstrekk: "7000.00",
          sumArbeidsgiveravgift: 5640.5,
          betalingsinformasjon: { kontonummer: "63450012345", kid: "3109001252026107", forfallsdato: "2026-11-16" },
        },
      },
    });
    expect(parsed).toEqual({
      outcome: "accepted_with_deviations",
      statedResult: "GODKJENT_MED_AVVIK",
      meldingsId: "m-1",
      forsendelseId: "f-1",
      processedAt: "2026-11-03T10:00:00Z",
      deviations: [
        {
          code: "MAGNET_EDAG-219",
          severity: "immediate",
          message: "Mangler arbeidsforhold",
          person: { identifier: FNR, name: "Kari Testesen" },
          virksomhet: "310900230",
          sti: "/leveranse/oppgave/virksomhet/0/inntektsmottaker/2/arbeidsforhold",
          fieldPath: "oppgave.virksomhet.0.inntektsmottaker.2.arbeidsforhold",
        },
        {
          code: "MAGNET_EDAG-560",
          severity: "guideline",
          message: "Sum",
          person: null,
          virksomhet: null,
          sti: "/leveranse/oppgave/betalingsinformasjon/sumForskuddstrekk",
          fieldPath: "oppgave.betalingsinformasjon.sumForskuddstrekk",
        },
      ],
      sums: {
        sumForskuddstrekk: 7000,
        sumArbeidsgiveravgift: 5640.5,
        kontonummer: "63450012345",
        kid: "3109001252026107",
        forfallsdato: "2026-11-16",
      },
    });
    expect(feedbackStatusOf(parsed)).toBe("deviations");
  });

  it("takes the stricter of the stated result and what the deviations imply", () => {
    const avvisning = parseFeedbackDocument({
      behandlingsresultat: "GODKJENT",
      avvik: [{ kode: "X", alvorlighetsgrad: "Avvisning" }],
    });
    expect(feedbackStatusOf(avvisning)).toBe("rejected");
    const onlyGuideline = parseFeedbackDocument({ tilbakemelding: { avvik: [{ alvorlighetsgrad: "Retningslinje" }] } });
    expect(feedbackStatusOf(onlyGuideline)).toBe("ok");
    expect(feedbackStatusOf(parseFeedbackDocument({ resultat: "Avvist", avvik: [] }))).toBe("rejected");
  });

  it("reads other plausible spellings and keeps what it does not know as unknown", () => {
    const parsed = parseFeedbackDocument({
      avviksliste: [
        {
          kontrollkode: "MAGNET_EDAG-9",
          alvorlighet: "Øyeblikkelig",
          beskrivelse: "x",
          felt: "leveranse.oppgave.virksomhet[1].inntektsmottaker[0]",
          inntektsmottaker: FNR,
        },
        { alvorlighetsgrad: "Noe nytt" },
        "not an object",
      ],
    });
    expect(parsed.deviations).toEqual([
      expect.objectContaining({
        code: "MAGNET_EDAG-9",
        severity: "immediate",
        person: { identifier: FNR, name: null },
        fieldPath: "oppgave.virksomhet.1.inntektsmottaker.0",
      }),
      expect.objectContaining({ code: null, severity: "unknown", fieldPath: null }),
    ]);
    expect(parsed).toMatchObject({ outcome: "accepted_with_deviations", sums: null, statedResult: null });
  });

  it("refuses a body that is not a JSON object, saying so", () => {
    expect(readFeedbackBody("<html>")).toEqual({ ok: false, reason: "The feedback document is not JSON" });
    expect(readFeedbackBody("[1]")).toEqual({ ok: false, reason: "The feedback document is not a JSON object" });
    expect(readFeedbackBody('{"tilbakemelding":{}}')).toMatchObject({
      ok: true,
      parsed: { outcome: "accepted", deviations: [] },
    });
  });

  it("maps JSON pointers with escapes to dotted model paths", () => {
    expect(stiToModelPath("amelding", "/leveranse/kildesystem")).toBe("kildesystem");
    expect(stiToModelPath("amelding", "/leveranse")).toBeNull();
    expect(stiToModelPath("amelding", null)).toBeNull();
  });
});

describe("finding the feedback transmission", () => {
  const url = (consumerType: "Api" | "Gui", u: string) => ({ consumerType, url: u, mediaType: "application/json" });
  const submission: Transmission = {
    id: "t1",
    type: "Submission",
    createdAt: "2026-11-03T10:00:00Z",
    sender: { actorType: "PartyRepresentative" },
    attachments: [],
  };

  it("takes the service owner's newest transmission with an Api URL, never a Gui URL", () => {
    const older: Transmission = {
      id: "t2",
      type: "Information",
      createdAt: "2026-11-03T10:01:00Z",
      sender: { actorType: "ServiceOwner" },
      attachments: [{ urls: [url("Api", "https://a/old")] }],
    };
    const feedback: Transmission = {
      id: "t3",
      type: "Acceptance",
      createdAt: "2026-11-03T10:02:00Z",
      sender: { actorType: "ServiceOwner" },
      attachments: [{ urls: [url("Gui", "https://a/gui"), url("Api", "https://a/api")] }],
    };
    expect(findFeedbackTransmission([submission, feedback, older])).toEqual({
      kind: "found",
      transmissionId: "t3",
      url: "https://a/api",
    });
  });

  it("finds none while only the submission is there, and says so when the system user may not open it", () => {
    expect(findFeedbackTransmission([submission])).toEqual({ kind: "none" });
    const hidden: Transmission = {
      id: "t4",
      type: "Rejection",
      createdAt: "2026-11-03T10:03:00Z",
      isAuthorized: false,
      attachments: [{ urls: [url("Api", "urn:dialogporten:unauthorized")] }],
    };
    expect(findFeedbackTransmission([submission, hidden])).toEqual({ kind: "unauthorized", transmissionId: "t4" });
  });
});
