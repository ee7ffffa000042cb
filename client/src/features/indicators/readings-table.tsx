import type { IndicatorDetail } from '@zielmonitor/shared/schemas/indicator';
import { formatDate, wordingAddsToDate } from '@zielmonitor/shared/time/format';
import { statedDate } from '@zielmonitor/shared/time/partial-date';
import { formatValue } from '@zielmonitor/shared/indicators/words';
import { gapSentence, useIndicatorText } from '../../lib/indicator-text.ts';
import { RatingBadge } from '../../components/indicators/rating-badge.tsx';
import { Link } from 'wouter';
import { useVoicesT } from '../../lib/messages-voices.ts';
import { ReplyList } from '../../components/voices/reply-list.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

/** Every reading, newest first: what the source said, who said it, how it stands against the plan. */
export function ReadingsTable({ indicator }: { indicator: IndicatorDetail }) {
  const x = useIndicatorText();
  const v = useVoicesT();
  const base = `/kennzahlen/${encodeURIComponent(indicator.id)}`;
  return (
    <TableScroll>
      <table className="data-table" data-testid="readings-table">
        <caption>{x.readingsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{x.colDate}</th>
            <th scope="col">{x.colValue}</th>
            <th scope="col">{x.colTrack}</th>
            <th scope="col">{x.colReporter}</th>
            <th scope="col">{x.colRating}</th>
            <th scope="col">{x.colSource}</th>
            <th scope="col">{v.replies}</th>
          </tr>
        </thead>
        <tbody>
          {indicator.readings.map((r) => {
            const sentence = gapSentence(r.rating, r, indicator, x, x.lang);
            return (
              <tr
                key={r.id}
                id={`messwert-${r.id}`}
                className={r.superseded ? 'superseded' : undefined}
                data-reading={r.id}
              >
                <td>
                  {formatDate(statedDate(r.date, r.datePrecision), x.lang)}
                  {r.dateWording && wordingAddsToDate(r.dateWording, r.date, r.datePrecision, x.lang) && (
                    <span className="basis">„{r.dateWording}“</span>
                  )}
                </td>
                <td>
                  {r.superseded ? (
                    <del>{formatValue(r.value, indicator, x.lang, r.qualifier)}</del>
                  ) : (
                    formatValue(r.value, indicator, x.lang, r.qualifier)
                  )}
                  {r.valueWording && <span className="basis">„{r.valueWording}“</span>}
                </td>
                <td>{r.track === 'official' ? x.official : x.independent}</td>
                <td>
                  {r.reporter}
                  {r.note && <span className="basis">{r.note}</span>}
                </td>
                <td>
                  {r.superseded ? (
                    <span className="basis">
                      {x.superseded(
                        r.superseded.kind,
                        formatDate(r.superseded.recordedAt.slice(0, 10), x.lang),
                        r.superseded.by,
                        r.superseded.reason,
                      )}
                    </span>
                  ) : (
                    <>
                      <RatingBadge state={r.rating.state} />
                      {sentence ? (
                        <span className="basis">{sentence}</span>
                      ) : (
                        r.rating.reason && <span className="basis">{x.reason[r.rating.reason]}</span>
                      )}
                    </>
                  )}
                </td>
                <td>
                  {r.source ? (
                    <a href={`#source-${r.source.id}`}>{r.source.id}</a>
                  ) : r.evidence.url ? (
                    <a href={r.evidence.url} rel="noreferrer noopener" target="_blank">
                      {r.evidence.reference ?? r.evidence.url}
                    </a>
                  ) : (
                    (r.evidence.reference ?? '–')
                  )}
                </td>
                <td>
                  <ReplyList
                    replies={indicator.replies.filter((reply) => reply.target.id === r.id)}
                    correctable={indicator.correctableReplyIds}
                    replyPath={
                      indicator.repliableReadingIds.includes(r.id) ? `${base}/messwerte/${r.id}/stellungnahme` : null
                    }
                  />
                  <Link className="report-error" to={`/fehler-melden?messwert=${r.id}`}>
                    {v.reportError}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
