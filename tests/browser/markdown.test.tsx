import { renderToReadableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../client/src/lib/markdown.js";
import MarkdownContent from "../../client/src/lib/markdown-content.js";
import { loadScenario } from "../support/scenarios.js";

// The scenario-text renderer, without a browser: what a brief, a specification or a coaching note turns into.

const html = (text: string) => renderToString(<MarkdownContent text={text} />);

/** The page's <Markdown> once its lazily loaded parser has arrived (the stream waits for Suspense). */
async function loaded(text: string): Promise<string> {
  const stream = await renderToReadableStream(<Markdown text={text} />);
  await stream.allReady;
  return new Response(stream).text();
}
const tender = loadScenario("commodity-corrugated.yaml");

describe("scenario text as Markdown", () => {
  it("renders the tender's specification table as a real table, one row per requirement", () => {
    const out = html(tender.spec ?? "");
    expect(out).toContain("<table");
    expect(out).toMatch(/<th[^>]*>item<\/th>/);
    expect(out.match(/<tr>/g)).toHaveLength(9); // the header and eight requirements
    expect(out).toContain("<td>Board</td>");
    expect(out).not.toContain("| --- |"); // no raw Markdown left on screen
    expect(out).toContain("<strong>Terms to bid</strong>");
    expect(out).toMatch(/<h4 class="md-heading">RFQ MC-PKG-2027/);
  });

  it("renders numbered and bulleted lists as lists, each item its own", () => {
    const out = html("Three steps:\n\n1. Read the brief\n2. Choose objectives\n3. Bid\n\n- one\n- two");
    expect(out).toMatch(/<ol>\s*<li>Read the brief<\/li>\s*<li>Choose objectives<\/li>\s*<li>Bid<\/li>\s*<\/ol>/);
    expect(out).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
  });

  it("keeps paragraphs, emphasis and line-wrapped text as before", () => {
    const out = html("You own the **packaging** category,\nand *this* tender matters.\n\nSecond paragraph.");
    expect(out).toContain("<p>You own the <strong>packaging</strong> category,\nand <em>this</em> tender matters.</p>");
    expect(out).toContain("<p>Second paragraph.</p>");
  });

  it("never passes scenario HTML through: a script tag, an onerror attribute or a javascript: link render as nothing or as text", () => {
    const out = html([
      "Before <script>alert('x')</script> after.",
      "",
      "<script>document.title = 'owned'</script>",
      "",
      '<img src="x" onerror="alert(1)">',
      "",
      "A <b onmouseover=\"alert(2)\">bold</b> claim.",
      "",
      "[click](javascript:alert(3)) and ![pic](https://example.invalid/track.png)",
    ].join("\n"));
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/onerror|onmouseover/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/<b[ >]/);
    expect(out).not.toContain("javascript:");
    expect(out).not.toContain("example.invalid");
    expect(out).toContain("Before");
    expect(out).toContain("bold");
    expect(out).toContain("pic"); // an image shows its description, and loads nothing
  });

  it("the component every caller uses shows plain paragraphs until the parser loads, then the same safe Markdown", async () => {
    const text = "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n<script>alert(1)</script>";
    const first = renderToString(<Markdown text={text} />);
    expect(first).not.toMatch(/<script/i);
    const out = await loaded(text);
    expect(out).toContain("<td>1</td>");
    expect(out).not.toMatch(/<script>alert/i);
  });

  it("renders every flagship scenario text without raw table or list syntax left over", () => {
    for (const file of ["commodity-corrugated.yaml", "strategic-3pl.yaml"]) {
      const s = loadScenario(file);
      for (const text of [s.context, s.spec ?? "", ...s.seats.map((x) => x.brief.story)]) {
        const out = html(text);
        expect(out).not.toMatch(/\|\s*---/);
        expect(out).not.toMatch(/<p>\d+[.)] /); // a numbered list run into a paragraph
      }
    }
  });
});
