import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { queryKeys, useCompletionRequests } from '../api/queries.ts';
import type { AssistanceCase, CompletionRequests, NewCompletionRequest } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { describedBy, FieldMessage, serverFieldErrors } from '../components/FieldError.tsx';
import { fill, useCaseworkT, useFormat } from '../i18n.ts';

/**
 * "Begäran om komplettering": what the household has been asked to complete and by when, those
 * past their deadline marked; an answer is recorded with "Besvarad", and a new request is made below.
 */
export function CompletionRequestsSection({ data, canWrite }: { data: AssistanceCase; canWrite: boolean }) {
  const w = useCaseworkT();
  const requests = useCompletionRequests(data.id);
  const texts = w.completion;
  return (
    <section className="panel" aria-labelledby="case-completion">
      <div className="panel-head">
        <h2 id="case-completion">{texts.title}</h2>
        {requests.data && requests.data.items.length > 0 ? (
          <span className={requests.data.overdue > 0 ? 'panel-meta panel-meta-attention' : 'panel-meta'}>
            {fill(texts.summary, { open: requests.data.open, overdue: requests.data.overdue })}
          </span>
        ) : null}
      </div>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? (
        <ErrorMessage error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      {requests.data ? <RequestTable caseId={data.id} requests={requests.data} canWrite={canWrite} /> : null}
      {canWrite && data.closedOn === null ? <NewRequestForm data={data} /> : null}
    </section>
  );
}

function RequestTable({
  caseId,
  requests,
  canWrite,
}: {
  caseId: string;
  requests: CompletionRequests;
  canWrite: boolean;
}) {
  const w = useCaseworkT();
  const format = useFormat();
  const texts = w.completion;
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (requestId: string) => api.answerCompletionRequest(requestId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.completionRequests(caseId) }),
  });
  const showActions = canWrite && requests.items.some((item) => item.answeredOn === null);

  if (requests.items.length === 0) return <Empty>{texts.empty}</Empty>;
  return (
    <>
      {answer.isError ? <ErrorMessage error={answer.error} /> : null}
      <table className="table">
        <caption className="visually-hidden">{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.requested}</th>
            <th scope="col">{texts.requestedOn}</th>
            <th scope="col">{texts.deadline}</th>
            <th scope="col">{texts.status}</th>
            {showActions ? (
              <th scope="col" className="cell-action">
                {texts.actions}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {requests.items.map((item) => (
            <tr key={item.id} className={item.answeredOn ? 'row-muted' : undefined}>
              <td>
                <span className="prewrap">{item.requested}</span>
                {item.applicationMonth ? (
                  <span className="cell-note">
                    {fill(texts.application, { month: format.month(item.applicationMonth) })}
                  </span>
                ) : null}
              </td>
              <td>
                <span className="cell-date">{format.date(item.requestedOn)}</span>
                <span className="cell-note">{item.requestedBy}</span>
              </td>
              <td className="cell-date">{format.date(item.deadline)}</td>
              <td>
                {item.answeredOn ? (
                  fill(texts.answeredOn, { date: format.date(item.answeredOn) })
                ) : item.overdue ? (
                  <span className="badge badge-overdue">{w.common.overdue}</span>
                ) : (
                  texts.waiting
                )}
              </td>
              {showActions ? (
                <td className="cell-action">
                  {item.answeredOn === null ? (
                    <button
                      type="button"
                      className="button-small"
                      aria-label={fill(texts.answeredLabel, { requested: item.requested })}
                      disabled={answer.isPending}
                      onClick={() => answer.mutate(item.id)}
                    >
                      {texts.answered}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewRequestForm({ data }: { data: AssistanceCase }) {
  const w = useCaseworkT();
  const format = useFormat();
  const texts = w.completion.form;
  const queryClient = useQueryClient();
  const prefix = useId();
  const ids = {
    heading: `${prefix}-heading`,
    requested: `${prefix}-requested`,
    requestedHint: `${prefix}-requested-hint`,
    requestedError: `${prefix}-requested-error`,
    deadline: `${prefix}-deadline`,
    deadlineError: `${prefix}-deadline-error`,
    application: `${prefix}-application`,
  };
  const [requested, setRequested] = useState('');
  const [deadline, setDeadline] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [local, setLocal] = useState<{ requested?: string; deadline?: string }>({});
  const [created, setCreated] = useState(false);
  const create = useMutation({
    mutationFn: (input: NewCompletionRequest) => api.createCompletionRequest(data.id, input),
    onMutate: () => setCreated(false),
    onSuccess: () => {
      setCreated(true);
      setRequested('');
      setDeadline('');
      setApplicationId('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.completionRequests(data.id) });
    },
  });
  const server = serverFieldErrors(create.error);
  const requestedMessages = [
    ...(local.requested ? [local.requested] : []),
    ...(server.get('requested') ?? []),
  ];
  const deadlineMessages = [...(local.deadline ? [local.deadline] : []), ...(server.get('deadline') ?? [])];
  const applications = data.applications.filter((application) => application.status !== 'withdrawn');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = {
      ...(requested.trim() === '' ? { requested: texts.requestedRequired } : {}),
      ...(deadline === '' ? { deadline: texts.deadlineRequired } : {}),
    };
    setLocal(errors);
    if (errors.requested || errors.deadline) return;
    create.mutate({ requested: requested.trim(), deadline, applicationId: applicationId || null });
  };

  return (
    <form className="form-panel" aria-labelledby={ids.heading} onSubmit={onSubmit} noValidate>
      <h3 id={ids.heading}>{texts.title}</h3>
      {created ? <SuccessMessage>{texts.created}</SuccessMessage> : null}
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      <div className="field">
        <label htmlFor={ids.requested}>{texts.requested}</label>
        <span className="hint" id={ids.requestedHint}>
          {texts.requestedHint}
        </span>
        <textarea
          id={ids.requested}
          rows={3}
          value={requested}
          aria-invalid={requestedMessages.length > 0 || undefined}
          aria-describedby={describedBy(
            ids.requestedHint,
            requestedMessages.length > 0 && ids.requestedError,
          )}
          onChange={(event) => setRequested(event.target.value)}
        />
        <FieldMessage id={ids.requestedError} messages={requestedMessages} />
      </div>
      <div className="inline-form">
        <div className="field field-date">
          <label htmlFor={ids.deadline}>{texts.deadline}</label>
          <input
            id={ids.deadline}
            type="date"
            value={deadline}
            aria-invalid={deadlineMessages.length > 0 || undefined}
            aria-describedby={describedBy(deadlineMessages.length > 0 && ids.deadlineError)}
            onChange={(event) => setDeadline(event.target.value)}
          />
          <FieldMessage id={ids.deadlineError} messages={deadlineMessages} />
        </div>
        {applications.length > 0 ? (
          <div className="field">
            <label htmlFor={ids.application}>{texts.application}</label>
            <select
              id={ids.application}
              value={applicationId}
              onChange={(event) => setApplicationId(event.target.value)}
            >
              <option value="">{texts.noApplication}</option>
              {applications.map((application) => (
                <option key={application.id} value={application.id}>
                  {fill(w.completion.application, { month: format.month(application.month) })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? texts.submitting : texts.submit}
        </button>
      </div>
    </form>
  );
}
