import { yearMoney, type YearLater } from "../../../shared/scoring/year-later.js";
import { EventLinks } from "./EventLinks.js";

const RENEWAL: Record<string, string> = { expanded: "Extended and expanded", extended: "Extended", retendered: "Re-tendered" };

/** The agreement one contract year on: each side's money at signing and a year later, line by line, with the reasons. */
export function YearLaterPanel({ later, seat }: { later: YearLater; seat: string }) {
  const sides = [...later.sides].sort((a, b) => (a.seat === seat ? -1 : b.seat === seat ? 1 : 0));
  return (
    <section className="year-later" aria-labelledby="year-later-title">
      <h2 id="year-later-title">A year after signing</h2>
      <p className="lead">{later.summary}</p>
      {later.renewal ? (
        <div className={`renewal renewal-${later.renewal}`}>
          <strong>The renewal: {RENEWAL[later.renewal] ?? later.renewal}</strong>
          <ul>{later.renewalWhy.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </div>
      ) : null}
      <div className="year-later-sides">
        {sides.map((s) => (
          <table key={s.seat} className="year-later-table">
            <caption>{s.seat === seat ? `You (${s.name})` : s.name}</caption>
            <thead><tr><th scope="col">What changed</th><th scope="col" className="num">{s.unit}</th></tr></thead>
            <tbody>
              <tr className="total"><th scope="row">At signing ({s.atSigning.points} points)</th><td className="num">{yearMoney(s.atSigning.money, s.unit)}</td></tr>
              {s.lines.map((l, i) => (
                <tr key={i}>
                  <th scope="row"><span className="line-label">{l.label}</span><span className="line-why">{l.why} <EventLinks events={l.events} /></span></th>
                  <td className={`num ${l.amount < 0 ? "neg" : "pos"}`}>{l.amount >= 0 ? "+" : ""}{yearMoney(l.amount, s.unit)}</td>
                </tr>
              ))}
              <tr className="total"><th scope="row">A year later</th><td className="num">{yearMoney(s.yearLater.money, s.unit)}</td></tr>
            </tbody>
          </table>
        ))}
      </div>
      <p className="hint">The model and its figures are in the scenario and in the scoring notes: savings ramp up, unanswered risks bite, and the renewal follows how each side rated the other and the trust the log shows.</p>
    </section>
  );
}
