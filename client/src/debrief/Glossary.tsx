/** The words the debrief cannot do without, in plain language. */
export const GLOSSARY: readonly { term: string; id: string; text: string }[] = [
  { id: "batna", term: "BATNA", text: "Your best alternative to a negotiated agreement: what you get if you walk away (another supplier, the current contract). Any deal below it is worse than no deal." },
  { id: "surplus", term: "Surplus", text: "What a deal gives a side above its BATNA. The joint surplus is both sides' together: the value the deal created." },
  { id: "pareto", term: "Pareto frontier", text: "The deals nobody can improve for one side without costing the other. A deal short of it left points on the table that both could have shared." },
  { id: "nash", term: "Nash point", text: "The balanced best deal: on the frontier, where both sides' gains over their BATNAs, multiplied together, are largest. Close to it means efficient and even-handed." },
  { id: "logrolling", term: "Logrolling", text: "Trading across issues: giving way on what matters less to you for what matters more, so both sides gain." },
  { id: "meso", term: "MESO", text: "Multiple equivalent simultaneous offers: two or three packages worth the same to you, offered at once; the one the other side picks shows what they value." },
  { id: "second-source", term: "Second source", text: "In a tender, a smaller share of the volume awarded to the runner-up, so the buyer is not tied to one supplier." },
];

export function Glossary() {
  return (
    <section aria-labelledby="glossary-title" className="glossary">
      <h2 id="glossary-title">Words used in this debrief</h2>
      <dl>
        {GLOSSARY.map((g) => (
          <div key={g.id} className="glossary-entry">
            <dt id={`term-${g.id}`}>{g.term}</dt>
            <dd>{g.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
