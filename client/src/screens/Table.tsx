import type { MoveType } from "../../../shared/scenario/schema.js";
import { AnswerForm, DiscloseForm, RiskForm, ValueForm } from "../components/moves/InfoMoves.js";
import { OfferBuilder } from "../components/moves/OfferBuilder.js";
import { OfferInbox } from "../components/moves/OfferInbox.js";
import { StakeholderForm, WalkAway } from "../components/moves/SessionMoves.js";
import { TalkForm } from "../components/moves/TalkForm.js";
import { AwardForm, BidStatus, CloseRound, RfqForm } from "../components/moves/TenderMoves.js";
import { Transcript } from "../components/Transcript.js";
import { allowedMoves } from "../lib/allowed-moves.js";
import { useCurrentPhase, useMySeat, useNegotiation } from "../store/hooks.js";
import { ReadyBar } from "./ReadyBar.js";

/** The negotiation table: the transcript beside the moves this seat may make in this phase. */
export default function Table() {
  const n = useNegotiation();
  const me = useMySeat();
  const phase = useCurrentPhase();
  if (!me || !phase) return null;
  const allowed = allowedMoves(phase, me);
  const can = (m: MoveType) => allowed.has(m);
  const tender = n.seats.filter((s) => s.side === "sales").length > 1;
  const procurementCloses = phase.advance === "procurement" && me.side === "procurement";

  return (
    <div className="screen table-screen">
      <div className="phase-head">
        <h1>{phase.title}</h1>
        {phase.instructions ? <p className="instructions">{phase.instructions}</p> : null}
        {me.withdrawn ? <p className="notice">You have withdrawn from this tender. You can follow along and will reflect at the end.</p> : null}
        {n.seats.filter((s) => s.id !== me.id && s.occupant && s.connection !== "connected").map((s) => (
          <p key={s.id} className="notice" role="status">{s.displayName || s.title} {s.connection === "reconnecting" ? "lost the connection — their seat is held while they reconnect." : "is away; their seat is kept for them."}</p>
        ))}
      </div>
      <div className="table-grid">
        <Transcript />
        <div className="moves" aria-label="Your moves">
          {can("offer.accept") ? <OfferInbox seat={me.id} /> : null}
          {can("rfq.issue") ? <RfqForm /> : null}
          {can("bid.submit") ? (<><BidStatus seat={me.id} /><OfferBuilder mode="bid" mySide={me.side} /></>) : null}
          {can("offer.propose") ? <OfferBuilder mode="offer" mySide={me.side} /> : null}
          {me.side === "procurement" && tender ? <AwardForm canAward={can("award.make")} /> : null}
          {procurementCloses ? <CloseRound label={phase.kind === "sealed-bid" ? "Close this round and open the bids" : "Close this phase"} /> : null}
          {can("question.answer") ? <AnswerForm seat={me.id} /> : null}
          {can("chat.send") ? <TalkForm kind="chat.send" mySide={me.side} /> : null}
          {can("question.ask") ? <TalkForm kind="question.ask" mySide={me.side} /> : null}
          {can("value.argue") ? <ValueForm seat={me.id} mySide={me.side} /> : null}
          {can("fact.disclose") ? <DiscloseForm seat={me.id} mySide={me.side} /> : null}
          <RiskForm mySide={me.side} canRaise={can("risk.raise")} canAddress={can("risk.address")} />
          {can("stakeholder.contact") ? <StakeholderForm seat={me.id} /> : null}
          {can("phase.ready") && !procurementCloses ? <ReadyBar /> : null}
          {can("walkaway") ? <WalkAway tenderSupplier={tender && me.side === "sales"} /> : null}
        </div>
      </div>
    </div>
  );
}
