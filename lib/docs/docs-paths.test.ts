import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The README and docs/ name the files that implement what they describe. Files move (a folder
 * is split, a module renamed); this test keeps the documents honest by failing for every path
 * they name that is not in the repository any more.
 *
 * What counts as a repository path: the target of a relative markdown link (resolved from the
 * document's folder), and text in backticks that starts with one of the repository's top-level
 * folders. A backticked path that is the text of a link to another site names a file there
 * (e.g. Skatteetaten's `docs/om/feil.md`), and is not checked.
 */

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TOP_LEVEL = ["app", "lib", "components", "scripts", "bench", "e2e", "docs", "drizzle"];
const BACKTICKED_PATH = new RegExp(`^(?:${TOP_LEVEL.join("|")})/[^\\s]*$`);
const LINK = /\[((?:[^\]\\]|\\.)*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** The part of a path that must exist: up to a placeholder (`<domain>`), glob, ellipsis or alternatives. */
function existingPart(candidate: string): string {
  const cut = candidate.search(/[<*…{]/);
  const head = cut === -1 ? candidate : candidate.slice(0, cut);
  // A cut inside a segment keeps only the whole segments before it.
  return cut === -1 ? head : head.slice(0, head.lastIndexOf("/") + 1);
}

/** Every repository path a markdown document names, as it appears, with the path to check (from the root). */
function repositoryPathsIn(markdown: string, documentPath: string): { named: string; check: string }[] {
  const found: { named: string; check: string }[] = [];
  // Fenced code blocks hold commands and output, not references.
  let text = markdown.replace(/^```[\s\S]*?^```/gm, "");
  text = text.replace(LINK, (_, _label: string, target: string) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#")) {
      const file = decodeURI(target.replace(/[#?].*$/, ""));
      found.push({
        named: target,
        check: path.posix.normalize(path.posix.join(path.posix.dirname(documentPath), file)),
      });
    }
    return " ";
  });
  for (const [, inner] of text.matchAll(/`([^`\n]+)`/g)) {
    const candidate = inner!
      .trim()
      .replace(/[:#].*$/, "")
      .replace(/[.,;)]+$/, "");
    if (BACKTICKED_PATH.test(candidate)) found.push({ named: inner!, check: existingPart(candidate) });
  }
  return found;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** Links to a section of one of our markdown documents, with the anchor's target document. */
function sectionLinksIn(markdown: string, documentPath: string): { named: string; document: string; anchor: string }[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, "");
  return [...text.matchAll(LINK)].flatMap(([, , target]) => {
    const match = /^([^#?]*\.md|)#(.+)$/.exec(target!);
    if (!match || /^[a-z][a-z0-9+.-]*:/i.test(target!)) return [];
    const document = match[1]
      ? path.posix.normalize(path.posix.join(path.posix.dirname(documentPath), decodeURI(match[1])))
      : documentPath;
    return [{ named: target!, document, anchor: match[2]! }];
  });
}

function markdownDocuments(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir)).flatMap((name) => {
      const relative = `${dir}/${name}`;
      if (statSync(path.join(ROOT, relative)).isDirectory()) return walk(relative);
      return name.endsWith(".md") ? [relative] : [];
    });
  return ["README.md", ...walk("docs")];
}

describe("paths named in README.md and docs/", () => {
  it("reads paths in backticks and relative links, not links to other sites or code blocks", () => {
    const markdown = [
      "See `lib/env.ts`, [the wrapper](../lib/actions/define-action.ts#L40) and `lib/<domain>/queries.ts`.",
      "Skatteetaten's [`docs/om/feil.md`](https://github.com/Skatteetaten/api-dokumentasjon/blob/HEAD/docs/om/feil.md).",
      "Not paths: `npm start`, `APP_MODE=test`, `lib`, [top](#top).",
      "```sh\nls lib/not-checked.ts\n```",
      "`app/(app)/innsendinger/[id]/page.tsx`, `lib/i18n/messages/{nb,en}.json`, `lib/sandbox/…`.",
    ].join("\n");
    expect(repositoryPathsIn(markdown, "docs/architecture.md").map((p) => p.check)).toEqual([
      "lib/actions/define-action.ts",
      "lib/env.ts",
      "lib/",
      "app/(app)/innsendinger/[id]/page.tsx",
      "lib/i18n/messages/",
      "lib/sandbox/",
    ]);
  });

  it("all exist in the repository", () => {
    const missing = markdownDocuments().flatMap((doc) =>
      repositoryPathsIn(readFileSync(path.join(ROOT, doc), "utf8"), doc)
        .filter((p) => !existsSync(path.join(ROOT, p.check)))
        .map((p) => `${doc}: ${p.named}`),
    );
    expect(missing).toEqual([]);
  });

  it("link to sections that exist", () => {
    expect(headingAnchor("4. Feedback follower → Dialogporten → feedback API")).toBe(
      "4-feedback-follower--dialogporten--feedback-api",
    );
    const broken = markdownDocuments().flatMap((doc) =>
      sectionLinksIn(readFileSync(path.join(ROOT, doc), "utf8"), doc)
        .filter((link) => {
          if (!existsSync(path.join(ROOT, link.document))) return false; // reported by the test above
          const headings =
            readFileSync(path.join(ROOT, link.document), "utf8")
              .replace(/^```[\s\S]*?^```/gm, "")
              .match(/^#{1,6} .+$/gm) ?? [];
          return !headings.some((h) => headingAnchor(h.replace(/^#+ /, "")) === link.anchor);
        })
        .map((link) => `${doc}: ${link.named}`),
    );
    expect(broken).toEqual([]);
  });

  it("include every docs/ file and section a code comment cites", () => {
    // Our documents are docs/*.md and docs/decisions/*.md; deeper docs/ paths in comments
    // (docs/api/…, docs/om/…) are files of Skatteetaten's api-dokumentasjon repository.
    const ours = /\bdocs\/(?:decisions\/)?[\w.-]+\.md\b/g;
    const sourceFiles = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir)).flatMap((name) => {
        const relative = `${dir}/${name}`;
        if (name === "node_modules" || name.startsWith(".")) return [];
        if (statSync(path.join(ROOT, relative)).isDirectory()) return sourceFiles(relative);
        return /\.(ts|tsx|mjs|cjs)$/.test(name) ? [relative] : [];
      });
    const files = ["app", "lib", "components", "scripts", "bench", "e2e"]
      .flatMap(sourceFiles)
      .filter((f) => f !== "lib/docs/docs-paths.test.ts");
    const missing = files.flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), "utf8").matchAll(ours)]
        .map(([cited]) => cited)
        .filter((cited) => !existsSync(path.join(ROOT, cited)))
        .map((cited) => `${file}: ${cited}`),
    );
    expect(missing).toEqual([]);

    // A section cited by its heading (`docs/domain.md, "System user"`) exists in that document,
    // also when the comment wraps the citation over two lines.
    const headingsOf = (doc: string) =>
      (
        readFileSync(path.join(ROOT, doc), "utf8")
          .replace(/^```[\s\S]*?^```/gm, "")
          .match(/^#{1,6} .+$/gm) ?? []
      ).map((h) => h.replace(/^#+ /, ""));
    const sections = files.flatMap((file) => {
      const text = readFileSync(path.join(ROOT, file), "utf8").replace(/\n\s*(?:\*(?!\/)|\/\/)\s?/g, " ");
      return [...text.matchAll(/\bdocs\/((?:decisions\/)?[\w.-]+\.md),? "([^"]+)"/g)]
        .filter(([, doc]) => existsSync(path.join(ROOT, "docs", doc!)))
        .filter(([, doc, heading]) => !headingsOf(`docs/${doc}`).includes(heading!))
        .map(([cited]) => `${file}: ${cited}`);
    });
    expect(sections).toEqual([]);
  });
});
