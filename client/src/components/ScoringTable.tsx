import type { PrivateBrief, PublicScenario } from "../../../shared/negotiation/visibility.js";
import { formatMoney } from "../../../shared/scenario/money-basics.js";

/** A seat's private points for every option of every issue (and, when the scenario gives it, what each is worth in money); the best option of each issue is marked. */
export function ScoringTable({ scenario, brief, caption, highlight }: { scenario: PublicScenario; brief: PrivateBrief; caption: string; highlight?: Record<string, string> }) {
  return (
    <div className="table-wrap">
      <table className="scoring">
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">Term</th><th scope="col">Options and {brief.brief.money ? `points (money, ${brief.brief.money.unit}, against today)` : "points"}</th></tr>
        </thead>
        <tbody>
          {scenario.issues.map((issue) => {
            const points = brief.brief.scoring[issue.id] ?? {};
            const money = brief.brief.money?.options[issue.id];
            const unit = brief.brief.money?.unit;
            const best = Math.max(...issue.options.map((o) => points[o.id] ?? 0));
            return (
              <tr key={issue.id}>
                <th scope="row">{issue.name}</th>
                <td>
                  <ul className="options">
                    {issue.options.map((o) => {
                      const p = points[o.id] ?? 0;
                      const mark = highlight?.[issue.id] === o.id;
                      return (
                        <li key={o.id} className={`${p === best ? "best" : ""}${mark ? " picked" : ""}`}>
                          <span>{o.label}</span> <strong>{p}</strong>
                          {money?.[o.id] !== undefined && unit ? <span className="money"> ({formatMoney(money[o.id] ?? 0, unit, { perYear: false })})</span> : null}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
