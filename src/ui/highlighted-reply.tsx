interface Span {
  start: number;
  end: number;
  verdict: string;
}

/** Where each verdict's words sit inside the reply; overlapping spans keep the earlier one. */
export function evidenceSpans(text: string, evidence: readonly { quote: string; verdict: string }[]): Span[] {
  const spans: Span[] = [];
  for (const e of evidence) {
    if (!e.quote) continue;
    const start = text.indexOf(e.quote);
    if (start < 0) continue;
    const end = start + e.quote.length;
    if (spans.some((s) => start < s.end && end > s.start)) continue;
    spans.push({ start, end, verdict: e.verdict });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The trainee's own sentence with the words behind each verdict marked, as text (never HTML). */
export function HighlightedReply({
  text,
  evidence,
}: {
  text: string;
  evidence: readonly { quote: string; verdict: string }[];
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const span of evidenceSpans(text, evidence)) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className={`reply-mark reply-mark--${span.verdict}`} data-verdict={span.verdict}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <q className="transcript__typed-text">{parts}</q>;
}
