import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { queryKeys, useAdminUsers } from '../api/queries.ts';
import { ROLES, type AdminUser, type NewUser, type Role, type RoleAssignment } from '../api/types.ts';
import { Empty, ErrorMessage, Loading, SuccessMessage } from '../components/Feedback.tsx';
import { Heading, subLevel, type HeadingLevel } from '../components/Page.tsx';
import { fill, useT } from '../i18n.ts';

/** The administrator's user list (with revoking roles) and the form to create a user. */
export function AdminUsersSection({
  level,
  showHeading = true,
}: {
  level: HeadingLevel;
  showHeading?: boolean;
}) {
  const t = useT();
  const users = useAdminUsers();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [message, setMessage] = useState<string | null>(null);

  const revoke = useMutation({
    mutationFn: (input: { user: AdminUser; role: RoleAssignment }) =>
      api.revokeRole(input.user.id, input.role.unitId, input.role.role),
    onSuccess: (_data, { user, role }) =>
      setMessage(
        fill(t.admin.revoked, {
          role: t.roles[role.role] ?? role.role,
          unit: role.unitName,
          name: user.displayName,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers }),
  });

  const onRevoke = (user: AdminUser, role: RoleAssignment) => {
    const params = { role: t.roles[role.role] ?? role.role, unit: role.unitName, name: user.displayName };
    if (!window.confirm(fill(t.admin.revokeConfirm, params))) return;
    setMessage(null);
    revoke.mutate({ user, role });
  };

  const contentLevel = showHeading ? subLevel(level) : level;

  return (
    <section
      className="panel"
      aria-labelledby={showHeading ? headingId : undefined}
      aria-label={showHeading ? undefined : t.admin.caption}
    >
      {showHeading ? (
        <Heading level={level} id={headingId}>
          {t.admin.title}
        </Heading>
      ) : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorMessage error={users.error} onRetry={() => void users.refetch()} /> : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {users.data && users.data.items.length === 0 ? <Empty>{t.admin.empty}</Empty> : null}
      {users.data && users.data.items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t.admin.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.name}</th>
              <th scope="col">{t.admin.email}</th>
              <th scope="col">{t.admin.status}</th>
              <th scope="col">{t.admin.roles}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id} className={user.active ? undefined : 'row-muted'}>
                <th scope="row">{user.displayName}</th>
                <td>{user.email ?? t.common.none}</td>
                <td>{user.active ? t.admin.active : t.admin.inactive}</td>
                <td>
                  {user.roles.length === 0 ? (
                    t.admin.noRoles
                  ) : (
                    <ul className="plain-list role-list">
                      {user.roles.map((role) => {
                        const roleName = t.roles[role.role] ?? role.role;
                        return (
                          <li key={`${role.unitId}:${role.role}`}>
                            <span>{fill(t.roleAtUnit, { role: roleName, unit: role.unitName })}</span>
                            <button
                              type="button"
                              className="button-small button-secondary"
                              aria-label={fill(t.admin.revokeLabel, {
                                role: roleName,
                                unit: role.unitName,
                                name: user.displayName,
                              })}
                              disabled={revoke.isPending}
                              onClick={() => onRevoke(user, role)}
                            >
                              {t.admin.revoke}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {users.data ? <CreateUserForm level={contentLevel} units={users.data.units} /> : null}
    </section>
  );
}

interface RoleRow {
  key: number;
  role: Role | '';
  unitId: string;
}

/** "displayName", "/roles/0/unitId" and "roles.0.unitId" all name the same field. */
function normalisePath(path: string): string {
  return path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\[(\d+)\]/g, '.$1');
}

function CreateUserForm({ level, units }: { level: HeadingLevel; units: { id: string; name: string }[] }) {
  const t = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const idPrefix = useId();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [oidcSubject, setOidcSubject] = useState('');
  const [rows, setRows] = useState<RoleRow[]>([{ key: 0, role: '', unitId: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const [created, setCreated] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (user: NewUser) => api.createUser(user),
    onSuccess: (_data, user) => {
      setCreated(fill(t.admin.create.created, { name: user.displayName }));
      setDisplayName('');
      setEmail('');
      setOidcSubject('');
      setRows([{ key: nextKey, role: '', unitId: '' }]);
      setNextKey(nextKey + 1);
      void queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers });
    },
  });

  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : [];
  const errorFor = (field: string) =>
    fieldErrors.filter((error) => normalisePath(error.path) === field).map((error) => error.message);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    create.mutate({
      displayName: displayName.trim(),
      email: email.trim(),
      oidcSubject: oidcSubject.trim(),
      // Fully empty rows are left out; half-filled ones go to the server, which says what is missing.
      roles: rows
        .filter((row) => row.role !== '' || row.unitId !== '')
        .map((row) => ({ role: row.role as Role, unitId: row.unitId })),
    });
  };

  const labelOf = (path: string): string | undefined => {
    const field = normalisePath(path);
    const simple: Record<string, string> = {
      displayName: t.admin.create.displayName,
      email: t.admin.create.email,
      oidcSubject: t.admin.create.oidcSubject,
      roles: t.admin.create.roles,
    };
    if (simple[field]) return simple[field];
    const role = /^roles\.(\d+)\.(role|unitId)$/.exec(field);
    if (!role) return undefined;
    const row = fill(t.admin.create.roleRow, { n: Number(role[1]) + 1 });
    return `${row}, ${(role[2] === 'role' ? t.admin.create.role : t.admin.create.unit).toLowerCase()}`;
  };

  const updateRow = (key: number, change: Partial<RoleRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const field = (name: string) => {
    const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
    const messages = errorFor(name);
    return {
      id,
      invalid: messages.length > 0 || undefined,
      describedBy: messages.length > 0 ? `${id}-error` : undefined,
      error:
        messages.length > 0 ? (
          <span className="field-error" id={`${id}-error`}>
            {messages.join(' ')}
          </span>
        ) : null,
    };
  };

  const nameField = field('displayName');
  const emailField = field('email');
  const subjectField = field('oidcSubject');

  return (
    <form className="form-panel" aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
      <Heading level={level} id={headingId}>
        {t.admin.create.title}
      </Heading>
      {created ? <SuccessMessage>{created}</SuccessMessage> : null}
      {create.isError ? <ErrorMessage error={create.error} fieldLabel={labelOf} /> : null}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={nameField.id}>{t.admin.create.displayName}</label>
          <input
            id={nameField.id}
            value={displayName}
            autoComplete="off"
            aria-invalid={nameField.invalid}
            aria-describedby={nameField.describedBy}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          {nameField.error}
        </div>
        <div className="field">
          <label htmlFor={emailField.id}>{t.admin.create.email}</label>
          <input
            id={emailField.id}
            type="email"
            value={email}
            autoComplete="off"
            aria-invalid={emailField.invalid}
            aria-describedby={emailField.describedBy}
            onChange={(event) => setEmail(event.target.value)}
          />
          {emailField.error}
        </div>
        <div className="field">
          <label htmlFor={subjectField.id}>{t.admin.create.oidcSubject}</label>
          <span className="hint" id={`${subjectField.id}-hint`}>
            {t.admin.create.oidcSubjectHint}
          </span>
          <input
            id={subjectField.id}
            value={oidcSubject}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={subjectField.invalid}
            aria-describedby={[`${subjectField.id}-hint`, subjectField.describedBy].filter(Boolean).join(' ')}
            onChange={(event) => setOidcSubject(event.target.value)}
          />
          {subjectField.error}
        </div>
      </div>
      <fieldset className="role-rows">
        <legend>{t.admin.create.roles}</legend>
        {errorFor('roles').length > 0 ? (
          <span className="field-error">{errorFor('roles').join(' ')}</span>
        ) : null}
        {rows.map((row, index) => {
          const n = index + 1;
          const roleField = field(`roles.${index}.role`);
          const unitField = field(`roles.${index}.unitId`);
          return (
            <div
              className="role-row"
              key={row.key}
              role="group"
              aria-label={fill(t.admin.create.roleRow, { n })}
            >
              <div className="field">
                <label htmlFor={roleField.id}>{t.admin.create.role}</label>
                <select
                  id={roleField.id}
                  value={row.role}
                  aria-invalid={roleField.invalid}
                  aria-describedby={roleField.describedBy}
                  onChange={(event) => updateRow(row.key, { role: event.target.value as Role | '' })}
                >
                  <option value="">{t.admin.create.chooseRole}</option>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t.roles[role]}
                    </option>
                  ))}
                </select>
                {roleField.error}
              </div>
              <div className="field">
                <label htmlFor={unitField.id}>{t.admin.create.unit}</label>
                <select
                  id={unitField.id}
                  value={row.unitId}
                  aria-invalid={unitField.invalid}
                  aria-describedby={unitField.describedBy}
                  onChange={(event) => updateRow(row.key, { unitId: event.target.value })}
                >
                  <option value="">{t.admin.create.chooseUnit}</option>
                  {units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </select>
                {unitField.error}
              </div>
              {rows.length > 1 ? (
                <button
                  type="button"
                  className="button-secondary button-small role-row-remove"
                  onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                >
                  {fill(t.admin.create.removeRole, { n })}
                </button>
              ) : null}
            </div>
          );
        })}
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, role: '', unitId: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t.admin.create.addRole}
        </button>
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? t.admin.create.submitting : t.admin.create.submit}
        </button>
      </p>
    </form>
  );
}
