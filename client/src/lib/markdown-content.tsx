import type { ComponentProps } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Scenario texts (briefs, the specification, coaching, teaching notes) as
 * GitHub-flavoured Markdown: paragraphs, lists, tables, headings, emphasis.
 * react-markdown builds React elements, never an HTML string; raw HTML in
 * the text is dropped (`skipHtml`, and no rehype-raw), and link targets go
 * through its URL filter, so scenario text cannot inject markup or script.
 * Loaded lazily through markdown.tsx: the parser stays out of the first screen's bundle.
 */
export default function MarkdownContent({ text }: { text: string }) {
  return <ReactMarkdown remarkPlugins={PLUGINS} skipHtml components={COMPONENTS}>{text}</ReactMarkdown>;
}

const PLUGINS = [remarkGfm];

/** Every heading of a scenario text sits under the section's own h3, whatever its level in the text. */
const heading = ({ node: _node, ...props }: ComponentProps<"h4"> & { node?: unknown }) => <h4 className="md-heading" {...props} />;

const COMPONENTS: Components = {
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  // A wide table scrolls on its own, not the page; the wrapper takes focus so the keyboard can scroll it.
  table: ({ node: _node, ...props }) => (
    <div className="table-wrap" tabIndex={0}>
      <table className="scoring md-table" {...props} />
    </div>
  ),
  // Links in scenario text leave the app: a new tab, with no opener.
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
  // Images would load whatever address scenario text names; show their description instead.
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
};
