import { Fragment, type ReactNode } from "react";

/**
 * A deliberately tiny Markdown renderer for scenario texts: paragraphs,
 * bullet and numbered lists, headings, **bold** and *italics*. It builds
 * React elements, never HTML strings, so scenario text cannot inject markup.
 */
export function Markdown({ text }: { text: string }) {
  const blocks = text.trim().split(/\n{2,}/);
  return <>{blocks.map((block, i) => <Block key={i} block={block} />)}</>;
}

function Block({ block }: { block: string }) {
  const lines = block.split("\n");
  const heading = /^(#{1,4})\s+(.*)$/.exec(lines[0] ?? "")?.[2];
  if (heading !== undefined && lines.length === 1) return <h4 className="md-heading">{inline(heading)}</h4>;
  if (lines.every((l) => /^\s*[-*]\s+/.test(l))) return <ul>{lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ""))}</li>)}</ul>;
  if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) return <ol>{lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*\d+[.)]\s+/, ""))}</li>)}</ol>;
  return <p>{inline(lines.join(" "))}</p>;
}

function inline(text: string): ReactNode {
  const parts = text.split(/(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_)/g);
  return parts.map((part, i) => {
    if (/^\*\*[^*]+\*\*$/.test(part)) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (/^(\*[^*]+\*|_[^_]+_)$/.test(part)) return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}
