import { randomBytes } from "node:crypto";
import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "../log.js";

/** A short id that ties what a user quotes ("ref 3f9a1c2b") to the server's log line. */
export function correlationId(): string {
  return randomBytes(4).toString("hex");
}

/** Every HTTP error the product sends: JSON with a code and a message a person can act on. */
export interface HttpErrorBody {
  error: string;
  message: string;
  correlationId?: string;
  retryAfterSeconds?: number;
}

export function sendError(res: Response, status: number, error: string, message: string, extra: Omit<HttpErrorBody, "error" | "message"> = {}): void {
  if (extra.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(extra.retryAfterSeconds));
  const body: HttpErrorBody = { error, message, ...extra };
  res.status(status).json(body);
}

/** Too many requests from one address: a typed 429 with a retry hint. */
export function sendRateLimited(res: Response, retryAfterSeconds: number): void {
  sendError(res, 429, "rate-limited", `Too many attempts from your network. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

/**
 * The last handler: whatever went wrong (a malformed URL, a body that is not
 * JSON, a bug) the caller gets JSON without a stack or a path, and the log
 * gets the details under a correlation id the caller can quote.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    if (status === 400 && error instanceof URIError) return sendError(res, 400, "bad-url", "That address is malformed.");
    if (status === 400 || status === 413 || status === 415) {
      const message = status === 413 ? "That request is too large." : "That request could not be read: send JSON.";
      return sendError(res, status, "bad-request", message);
    }
    const id = correlationId();
    log.error("http request failed", { correlationId: id, method: req.method, path: req.path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    sendError(res, 500, "server-error", `Something went wrong on the server (ref ${id}). Please try again.`, { correlationId: id });
  };
}

function statusOf(error: unknown): number {
  if (error instanceof URIError) return 400;
  if (typeof error === "object" && error !== null) {
    const s = "status" in error ? error.status : "statusCode" in error ? error.statusCode : undefined;
    if (typeof s === "number" && s >= 400 && s < 600) return s;
  }
  return 500;
}
