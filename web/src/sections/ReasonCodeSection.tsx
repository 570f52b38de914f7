import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/endpoints.ts';
import { queryKeys, useReasonCodes } from '../api/queries.ts';
import type { AssistanceCase, ReasonCodeEntry, ReasonCodes } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { swedishToday } from '../dates.ts';
import { fill, useCaseworkT, useFormat } from '../i18n.ts';

/** How many of the latest months applied for are shown besides the current month. */
const APPLIED_MONTHS = 3;

interface Adult {
  personId: string;
  name: string | null;
  protectedIdentity: boolean;
}

/**
 * "Försörjningshinder": one reason code per adult (the applicant and a spouse or partner) and
 * month, for this month and the latest months the household applied for; a code is saved as soon
 * as it is chosen. Adults without a code this month are pointed out.
 */
export function ReasonCodeSection({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const w = useCaseworkT();
  const codes = useReasonCodes(data.id);
  return (
    <section className="panel" aria-labelledby="case-reason-codes">
      <h2 id="case-reason-codes">{w.reasonCodes.title}</h2>
      {codes.isPending ? <Loading /> : null}
      {codes.isError ? <ErrorMessage error={codes.error} onRetry={() => void codes.refetch()} /> : null}
      {codes.data ? <ReasonCodeTable data={data} codes={codes.data} canWrite={canWrite} /> : null}
    </section>
  );
}

function ReasonCodeTable({
  data,
  codes,
  canWrite,
}: {
  data: AssistanceCase;
  codes: ReasonCodes;
  canWrite: boolean;
}) {
  const w = useCaseworkT();
  const format = useFormat();
  const texts = w.reasonCodes;
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const thisMonth = swedishToday().slice(0, 7);

  const applied = [...new Set(data.applications.map((application) => application.month.slice(0, 7)))]
    .sort()
    .reverse()
    .slice(0, APPLIED_MONTHS);
  const months = [...new Set([...(data.closedOn ? [] : [thisMonth]), ...applied])].sort().reverse();

  const adults: Adult[] = data.members
    .filter((member) => member.role === 'applicant' || member.role === 'co_applicant')
    .map((member) => ({
      personId: member.personId,
      name: member.name,
      protectedIdentity: member.protectedIdentity,
    }));
  // Someone who was an adult of the household in an earlier month, but is no longer.
  for (const entry of [...codes.items, ...codes.missing])
    if (months.includes(entry.month) && !adults.some((adult) => adult.personId === entry.personId))
      adults.push({ personId: entry.personId, name: entry.name, protectedIdentity: entry.name === null });

  const codeOf = (month: string, personId: string) =>
    codes.items.find((item) => item.month === month && item.personId === personId);
  const nameOf = (adult: Adult) => adult.name ?? texts.protectedPerson;

  const set = useMutation({
    mutationFn: (input: { month: string; personId: string; code: string }) =>
      api.setReasonCode(data.id, input),
    onMutate: () => setSaved(null),
    onSuccess: (_result, input) => {
      const adult = adults.find((a) => a.personId === input.personId);
      setSaved(fill(texts.saved, { name: adult ? nameOf(adult) : '', month: format.month(input.month) }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.reasonCodes(data.id) });
    },
  });

  if (adults.length === 0) return <Empty>{texts.noAdults}</Empty>;

  const missingNow = months.includes(thisMonth)
    ? adults.filter((adult) => !codeOf(thisMonth, adult.personId))
    : [];
  const groups = groupCodes(codes.codeList);

  return (
    <>
      <p className="section-intro">{fill(texts.intro, { source: codes.source })}</p>
      {months.includes(thisMonth) ? (
        missingNow.length > 0 ? (
          <p className="notice notice-warning">
            {fill(texts.missingThisMonth, {
              month: format.month(thisMonth),
              names: missingNow.map(nameOf).join(', '),
            })}
          </p>
        ) : (
          <p className="panel-meta">{fill(texts.allSetThisMonth, { month: format.month(thisMonth) })}</p>
        )
      ) : null}
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {set.isError ? <ErrorMessage error={set.error} /> : null}
      <table className="table">
        <caption className="visually-hidden">{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.month}</th>
            <th scope="col">{texts.person}</th>
            <th scope="col">{texts.code}</th>
            <th scope="col">{texts.status}</th>
          </tr>
        </thead>
        <tbody>
          {months.flatMap((month) =>
            adults.map((adult) => {
              const current = codeOf(month, adult.personId);
              const label = fill(texts.selectLabel, { name: nameOf(adult), month: format.month(month) });
              const pending =
                set.isPending && set.variables?.month === month && set.variables.personId === adult.personId;
              return (
                <tr key={`${month}:${adult.personId}`}>
                  <td className="nowrap">{format.month(month)}</td>
                  <td>
                    <PersonName name={adult.name} protectedIdentity={adult.protectedIdentity} />
                  </td>
                  <td>
                    {canWrite ? (
                      <select
                        className="reason-code-select"
                        aria-label={label}
                        value={pending ? (set.variables?.code ?? '') : (current?.code ?? '')}
                        disabled={pending}
                        onChange={(event) => {
                          if (event.target.value !== '')
                            set.mutate({ month, personId: adult.personId, code: event.target.value });
                        }}
                      >
                        {current ? null : <option value="">{texts.choose}</option>}
                        {current && !codes.codeList.some((entry) => entry.code === current.code) ? (
                          <option value={current.code}>{current.text}</option>
                        ) : null}
                        {groups.map((group) => (
                          <optgroup key={group.group} label={group.label}>
                            {group.entries.map((entry) => (
                              <option key={entry.code} value={entry.code}>
                                {entry.text}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    ) : (
                      (current?.text ?? '')
                    )}
                  </td>
                  <td>
                    {pending ? (
                      w.common.saving
                    ) : current ? (
                      <span className="cell-note">
                        {fill(texts.setByAt, {
                          name: current.setBy ?? '',
                          date: format.date(current.setAt),
                        })}
                      </span>
                    ) : (
                      <span className="badge badge-overdue">{texts.missing}</span>
                    )}
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </>
  );
}

function groupCodes(list: readonly ReasonCodeEntry[]) {
  const groups: { group: string; label: string; entries: ReasonCodeEntry[] }[] = [];
  for (const entry of list) {
    let group = groups.find((g) => g.group === entry.group);
    if (!group) {
      group = { group: entry.group, label: entry.groupLabel, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}
