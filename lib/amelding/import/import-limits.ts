import type { InputLimits } from "@/lib/input/guard";
import type { XmlTextLimits } from "@/lib/input/xml-text";

/*
 * Bounds of an imported A-melding file. A valid file of 50 MB (about 80 000 inntektsmottakere as
 * JSON, 32 000 as XML) has about 2.2 million JSON values or 0.8 million XML elements, at most
 * 10 levels deep, no text longer than a few hundred characters and no more than a handful of
 * attributes on an element (xmlns, xsi:nil); the limits leave room above that and refuse what
 * could only make the parser slow or large.
 */

/** Larger than any monthly file we expect (10 000 persons as XML is about 15 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The parsed tree of a JSON file, or the leveranse read from an XML file. */
export const IMPORT_INPUT_LIMITS: InputLimits = {
  maxDepth: 32,
  maxNodes: 4_000_000,
  maxKeyLength: 200,
  maxStringLength: 10_000,
};

export const IMPORT_XML_LIMITS: XmlTextLimits = {
  maxDepth: IMPORT_INPUT_LIMITS.maxDepth,
  maxElements: 2_000_000,
  maxAttributesPerElement: 32,
  maxAttributes: 1_000_000,
};

/**
 * Field errors listed in an answer; every error is still counted. A file with an error on each
 * of 80 000 persons would otherwise answer with tens of megabytes the page cannot show anyway.
 */
export const MAX_LISTED_ERRORS = 2_000;
