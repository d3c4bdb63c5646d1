import { lazy, Suspense } from "react";

/** The Markdown parser (react-markdown + GFM) is its own chunk, fetched the first time a scenario text is shown. */
const load = () => import("./markdown-content.js");
const MarkdownContent = lazy(load);

// Fetch it once the first screen is idle, so a brief opened later renders at once instead of the plain fallback.
if (typeof window !== "undefined") (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200)))(() => void load());

/**
 * A scenario text (brief, specification, coaching, teaching note) rendered as
 * GitHub-flavoured Markdown, safely: see markdown-content.tsx. Until the
 * parser has loaded, the text shows as plain paragraphs, never as markup.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <MarkdownContent text={text} />
    </Suspense>
  );
}

function PlainText({ text }: { text: string }) {
  return <>{text.trim().split(/\n{2,}/).map((block, i) => <p key={i} className="md-plain">{block}</p>)}</>;
}
