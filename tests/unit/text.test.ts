import { describe, expect, it } from "vitest";
import { checkFreeText, displayNameKey, isReservedName, MAX_DISPLAY_NAME, normaliseDisplayName, type TextProblem } from "../../shared/text.js";

describe("checkFreeText", () => {
  const refused: [string, string, TextProblem][] = [
    ["a NUL byte (PostgreSQL text and jsonb reject it)", "we accept\u0000", "control-character"],
    ["a bell character", "ding\u0007", "control-character"],
    ["an escape sequence", "\u001b[31mred", "control-character"],
    ["DEL", "a\u007fb", "control-character"],
    ["a C1 control (NEL)", "a\u0085b", "control-character"],
    ["a right-to-left override (U+202E)", "price \u202E001 ", "bidi-control"],
    ["a left-to-right embedding (U+202A)", "\u202Aok", "bidi-control"],
    ["a first-strong isolate (U+2068)", "a\u2068b\u2069", "bidi-control"],
    ["a lone high surrogate", "broken \ud83d", "lone-surrogate"],
    ["a lone low surrogate", "\ude00 broken", "lone-surrogate"],
    ["only zero-width spaces", "\u200B\u200B\u200B", "invisible-only"],
    ["only a zero-width joiner and a word joiner", "\u200D\u2060", "invisible-only"],
    ["only a soft hyphen and a BOM inside spaces", " \u00AD \uFEFF\u00AD ", "invisible-only"],
    ["only variation selectors", "\uFE0F\uFE0E", "invisible-only"],
    ["only Hangul fillers and a braille blank", "\u3164\u2800", "invisible-only"],
    ["only tag characters (ASCII smuggling)", "\u{E0041}\u{E0042}", "invisible-only"],
    ["40 stacked combining marks (Zalgo)", `a${"\u0301".repeat(40)}`, "stacked-marks"],
    ["only spaces and line breaks", " \n\t \r\n ", "empty"],
  ];
  it.each(refused)("refuses %s", (_name, text, code) => {
    const result = checkFreeText(text);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message).toMatch(/^[A-Z].*\.$/);
  });

  const accepted: [string, string, string][] = [
    ["plain text", "We can do 4% if you commit to 3 years.", "We can do 4% if you commit to 3 years."],
    ["CRLF and lone CR, as LF", "line one\r\nline two\rline three", "line one\nline two\nline three"],
    ["tabs and line breaks", "a\tb\nc", "a\tb\nc"],
    ["surrounding whitespace, trimmed", "  hello  ", "hello"],
    ["decomposed accents, as NFC", "Jose\u0301", "Jos\u00e9"],
    ["an emoji ZWJ sequence", "ok 👨‍👩‍👧", "ok 👨‍👩‍👧"],
    ["an emoji with a variation selector", "❤️ thanks", "❤️ thanks"],
    ["Persian with a zero-width non-joiner", "می\u200Cخواهم", "می\u200Cخواهم"],
    ["Arabic with a right-to-left mark", "السعر\u200F 5", "السعر\u200F 5"],
    ["a few stacked marks (Vietnamese)", "Tiếng Việt", "Tiếng Việt"],
  ];
  it.each(accepted)("accepts %s", (_name, text, stored) => {
    expect(checkFreeText(text)).toEqual({ ok: true, text: stored });
  });

  it("accepts empty text only when asked to (optional notes)", () => {
    expect(checkFreeText("   ", { allowEmpty: true })).toEqual({ ok: true, text: "" });
    expect(checkFreeText("\u200B", { allowEmpty: true })).toMatchObject({ ok: false, code: "invisible-only" });
  });

  it("refuses text over maxLength after normalisation, counting what is stored", () => {
    expect(checkFreeText(`  ${"x".repeat(10)}  `, { maxLength: 10 })).toEqual({ ok: true, text: "x".repeat(10) });
    expect(checkFreeText("x".repeat(11), { maxLength: 10 })).toMatchObject({ ok: false, code: "too-long" });
  });

  it("tells the player what to do about a NUL byte", () => {
    expect(checkFreeText("a\u0000")).toMatchObject({ message: "Remove the control characters (such as NUL) from your text." });
  });
});

describe("normaliseDisplayName", () => {
  const refused: [string, unknown, TextProblem][] = [
    ["'The facilitator'", "The facilitator", "reserved"],
    ["'The Facilitator'", "The Facilitator", "reserved"],
    ["'facilitator!'", "facilitator!", "reserved"],
    ["'Trainer'", "Trainer", "reserved"],
    ["'TheFacilitator' (camel case)", "TheFacilitator", "reserved"],
    ["'thefacilitator' (glued article)", "thefacilitator", "reserved"],
    ["'F a c i l i t a t o r' (spaced letters)", "F a c i l i t a t o r", "reserved"],
    ["'Fаcilitator' with a Cyrillic а", "F\u0430cilitator", "reserved"],
    ["'ВОТ' in Cyrillic capitals", "\u0412\u041E\u0422", "reserved"],
    ["a fullwidth 'Ｆａｃｉｌｉｔａｔｏｒ'", "Ｆａｃｉｌｉｔａｔｏｒ", "reserved"],
    ["'Fácilitator' with an accent", "Fácilitator", "reserved"],
    ["leetspeak 'F4cilitat0r'", "F4cilitat0r", "reserved"],
    ["'Faci1itator' with a digit one", "Faci1itator", "reserved"],
    ["'Adrnin' (rn for m)", "Adrnin", "reserved"],
    ["'Admin 2'", "Admin 2", "reserved"],
    ["'Facilitator Jane' (title with a name)", "Facilitator Jane", "reserved"],
    ["'Jane (moderator)'", "Jane (moderator)", "reserved"],
    ["'The\\u200BFacilitator' with a zero-width space", "The\u200BFacilitator", "reserved"],
    ["'Your Trainer'", "Your Trainer", "reserved"],
    ["'SYSTEM'", "SYSTEM", "reserved"],
    ["'Procurement'", "Procurement", "reserved"],
    ["'Sales'", "Sales", "reserved"],
    ["'You' (the transcript says 'You' for one's own moves)", "You", "reserved"],
    ["a name of only zero-width spaces", "\u200B\u200B", "invisible-only"],
    ["a name of only Hangul fillers", "\u3164\u3164", "invisible-only"],
    ["an empty name", "", "empty"],
    ["a name of only spaces", "    ", "empty"],
    ["a non-string name", { toString: "x" }, "not-text"],
    ["a missing name", undefined, "not-text"],
    ["a name with a NUL byte", "Sam\u0000", "control-character"],
    ["a name with an escape sequence", "\u001b[2JSam", "control-character"],
    ["a name with a right-to-left override", "\u202Erotatilicaf", "bidi-control"],
    ["a name with a pop-directional isolate", "Sam\u2069", "bidi-control"],
    ["a name with a lone surrogate", "Sam\ud800", "lone-surrogate"],
    ["a Zalgo name", `S${"\u0336".repeat(8)}am`, "stacked-marks"],
    [`a name of ${MAX_DISPLAY_NAME + 1} letters`, "x".repeat(MAX_DISPLAY_NAME + 1), "too-long"],
    ["a 10,000-character name", "x".repeat(10_000), "too-long"],
  ];
  it.each(refused)("refuses %s", (_name, raw, code) => {
    const result = normaliseDisplayName(raw);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message).toMatch(/^[A-Z].*\.$/);
  });

  const accepted: [string, string, string][] = [
    ["'Sam Trainerson'", "Sam Trainerson", "Sam Trainerson"],
    ["'Sam Host' (a surname)", "Sam Host", "Sam Host"],
    ["'Botond'", "Botond", "Botond"],
    ["'Saleh'", "Saleh", "Saleh"],
    ["surrounding and inner whitespace, collapsed", "  Sam \t  Lee\n", "Sam Lee"],
    ["zero-width characters, removed", "S\u200Ba\u2060m\uFEFF", "Sam"],
    ["decomposed accents, as NFC", "Jose\u0301 Garci\u0301a", "José García"],
    ["Chinese", "李小龍", "李小龍"],
    ["Arabic", "محمد رضا", "محمد رضا"],
    ["an emoji ZWJ sequence", "👩‍💻 Kim", "👩‍💻 Kim"],
    ["a Persian name with a ZWNJ", "علی\u200Cرضا", "علی\u200Cرضا"],
    [`exactly ${MAX_DISPLAY_NAME} letters`, "x".repeat(MAX_DISPLAY_NAME), "x".repeat(MAX_DISPLAY_NAME)],
  ];
  it.each(accepted)("accepts %s", (_name, raw, name) => {
    expect(normaliseDisplayName(raw)).toEqual({ ok: true, name });
  });

  it("drops a zero-width joiner that joins nothing", () => {
    expect(normaliseDisplayName("\u200DSam\u200D \u200DLee")).toEqual({ ok: true, name: "Sam Lee" });
  });

  it("names the role problem without echoing the invisible characters", () => {
    expect(normaliseDisplayName("The\u200B Facilitator")).toMatchObject({ message: 'Choose another name: "The Facilitator" could be mistaken for a role in this session.' });
  });
});

describe("isReservedName and displayNameKey", () => {
  it("reserves only the whole name for words that are also surnames", () => {
    expect(isReservedName("Host")).toBe(true);
    expect(isReservedName("Sam Host")).toBe(false);
    expect(isReservedName("Trainer Sam")).toBe(false);
    expect(isReservedName("Admin Sam")).toBe(true);
  });

  it("gives look-alike names one key, so a second 'Sam' can be refused", () => {
    const keys = ["Sam", "SAM", "sam!", "S am", "\u0405\u0430m", "Ｓａｍ"].map(displayNameKey);
    expect(new Set(keys)).toEqual(new Set(["sam"]));
    expect(displayNameKey("Sam Lee")).not.toBe(displayNameKey("Sam"));
  });
});
