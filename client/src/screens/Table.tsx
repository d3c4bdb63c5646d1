import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { MoveType, Package } from "../../../shared/scenario/schema.js";
import { AnswerForm, DiscloseForm, RiskForm, ValueForm } from "../components/moves/InfoMoves.js";
import { OfferBuilder, type Prefill } from "../components/moves/OfferBuilder.js";
import { OfferInbox } from "../components/moves/OfferInbox.js";
import { StakeholderForm, WalkAway } from "../components/moves/SessionMoves.js";
import { TalkForm } from "../components/moves/TalkForm.js";
import { AwardForm, BidStatus, Clarifications, CloseRound, RfqForm } from "../components/moves/TenderMoves.js";
import { OfferBoard } from "../components/OfferBoard.js";
import { Transcript } from "../components/Transcript.js";
import { allowedMoves } from "../lib/allowed-moves.js";
import { offerHistory } from "../lib/table-state.js";
import { useCurrentPhase, useMySeat, useNegotiation } from "../store/hooks.js";
import { ReadyBar } from "./ReadyBar.js";

/**
 * The negotiation table: the transcript (or the offer board) beside the
 * moves this seat may make in this phase, with the offer on the table kept
 * in view above them. On a wide screen the page itself does not scroll: each
 * column scrolls in its own box, so nothing the other side does moves what
 * the player reads or types.
 */
export default function Table() {
  const n = useNegotiation();
  const me = useMySeat();
  const phase = useCurrentPhase();
  const ids = useId();
  const [tab, setTab] = useState<"transcript" | "board">("transcript");
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const moves = useRef<HTMLDivElement>(null);
  useStillWhileTyping(moves, n.log.length, Boolean(me && phase));
  if (!me || !phase) return null;
  const allowed = allowedMoves(phase, me);
  const can = (m: MoveType) => allowed.has(m);
  const tender = n.seats.filter((s) => s.side === "sales").length > 1;
  const procurementCloses = phase.advance === "procurement" && me.side === "procurement";
  const offers = offerHistory(n.log).filter((o) => o.from === me.id || o.to === me.id).length;
  const showBoard = !tender || offers > 0;
  const counter = can("offer.propose") ? (pkg: Package, from: string) => setPrefill({ package: pkg, from, stamp: Date.now() }) : undefined;
  const board = showBoard && tab === "board";

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
        <div className="table-main">
          {showBoard ? (
            <div role="tablist" aria-label="Transcript or offer board" className="tabs table-tabs">
              <button role="tab" type="button" id={`${ids}-tab-t`} aria-controls={`${ids}-panel-t`} aria-selected={!board} tabIndex={board ? -1 : 0} onClick={() => setTab("transcript")} onKeyDown={(e) => { if (e.key === "ArrowRight") { setTab("board"); document.getElementById(`${ids}-tab-b`)?.focus(); } }}>Transcript</button>
              <button role="tab" type="button" id={`${ids}-tab-b`} aria-controls={`${ids}-panel-b`} aria-selected={board} tabIndex={board ? 0 : -1} onClick={() => setTab("board")} onKeyDown={(e) => { if (e.key === "ArrowLeft") { setTab("transcript"); document.getElementById(`${ids}-tab-t`)?.focus(); } }}>
                Offer board{offers > 0 ? ` (${offers})` : ""}
              </button>
            </div>
          ) : null}
          <div role={showBoard ? "tabpanel" : undefined} id={`${ids}-panel-t`} aria-labelledby={showBoard ? `${ids}-tab-t` : undefined} hidden={board} className="table-panel">
            <Transcript />
          </div>
          {showBoard ? (
            <div role="tabpanel" id={`${ids}-panel-b`} aria-labelledby={`${ids}-tab-b`} hidden={!board} className="table-panel">
              <OfferBoard seat={me.id} onCounter={counter} />
            </div>
          ) : null}
        </div>
        <div className="moves-column">
          {can("offer.accept") ? <OfferInbox seat={me.id} onCounter={counter} /> : null}
          <div className="moves" ref={moves} role="region" aria-label="Your moves">
            {can("rfq.issue") ? <RfqForm /> : null}
            {can("bid.submit") ? (<><BidStatus seat={me.id} /><OfferBuilder mode="bid" mySide={me.side} /></>) : null}
            {tender && me.side === "sales" && !can("bid.submit") ? <Clarifications seat={me.id} /> : null}
            {can("offer.propose") ? <OfferBuilder mode="offer" mySide={me.side} prefill={prefill} /> : null}
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
    </div>
  );
}

/**
 * Keeps what the player works on still inside a scrolling column while the
 * other side's moves add or remove content above it (an answer form, a raised
 * risk): the focused field, or else the topmost visible part, is the anchor;
 * after each update the column scrolls by exactly how far the anchor moved.
 * (The browser's own scroll anchoring does nothing at the top of a box and is
 * turned off for this column, so the two never fight.) A column that does not
 * scroll (a narrow screen, where the page scrolls) is left to the browser.
 */
function useStillWhileTyping(box: RefObject<HTMLElement | null>, version: number, mounted: boolean) {
  const anchor = useRef<{ el: Element; top: number } | null>(null);
  const pick = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const active = document.activeElement;
    let target: Element | null = active && active !== el && el.contains(active) ? active : null;
    if (!target && el.scrollTop > 0) {
      const top = el.getBoundingClientRect().top;
      target = [...el.children].find((c) => c.getBoundingClientRect().bottom > top) ?? null;
    }
    anchor.current = target ? { el: target, top: target.getBoundingClientRect().top } : null;
  }, [box]);

  useLayoutEffect(() => {
    const el = box.current;
    const a = anchor.current;
    if (el && a && a.el.isConnected && el.scrollHeight > el.clientHeight) {
      const delta = a.el.getBoundingClientRect().top - a.top;
      if (Math.abs(delta) > 0.5) el.scrollTop += delta;
    }
    pick();
  }, [version, box, pick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.addEventListener("scroll", pick, { passive: true });
    el.addEventListener("focusin", pick);
    el.addEventListener("input", pick);
    window.addEventListener("resize", pick);
    return () => {
      el.removeEventListener("scroll", pick);
      el.removeEventListener("focusin", pick);
      el.removeEventListener("input", pick);
      window.removeEventListener("resize", pick);
    };
  }, [box, pick, mounted]);
}
