'use client';

import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { apiMessages, nextRowId, visibleRequirements } from '@/lib/interview/api-edit';
import {
  EMPTY_API,
  FIELD_TYPES,
  FIELD_TYPE_LABEL,
  METHODS,
  type ApiAnswer,
  type EndpointAnswer,
  type EntityAnswer,
  type FieldAnswer,
  type FieldType,
  type Method,
} from '@/lib/interview/api-schema';
import { Icon } from './icons';
import { BTN_PRIMARY, BTN_QUIET, BTN_SECONDARY, CARD, INPUT } from './ui';
import type { PhaseProps } from './phase-props';

const SMALL_INPUT = INPUT.replace('px-3 py-2', 'px-2.5 py-1.5');
const SMALL_SELECT = `${SMALL_INPUT} pr-7`;

/** The two comma-separated field lists of an endpoint row. */
const ENDPOINT_FIELDS = [
  { key: 'request', label: 'Request fields', placeholder: 'text, client_id' },
  { key: 'response', label: 'Response fields', placeholder: 'id, created_at' },
] as const;

function Messages({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-0.5 text-xs text-warm">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function Step({ n, title, hint, children }: { n: number; title: string; hint: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`${CARD} p-4 sm:p-5`}>
      <h2 id={id} className="flex items-baseline gap-2 text-lg font-semibold text-slate-900">
        <span className="text-sm font-semibold text-brand-700">Step {n}</span>
        {title}
      </h2>
      <p className="mt-1 text-sm leading-relaxed text-slate-600">{hint}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** A step's rows, or a dashed note while there are none, then the step's add button. */
function RowList<T extends { id: string }>({
  items,
  empty,
  className,
  add,
  children,
}: {
  items: readonly T[];
  empty: ReactNode;
  className: string;
  add?: { id: string; label: string; onClick(): void };
  children(item: T, index: number): ReactNode;
}) {
  return (
    <>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className={className}>{items.map(children)}</ul>
      )}
      {add ? (
        <button id={add.id} type="button" className={`${BTN_SECONDARY} mt-3`} onClick={add.onClick}>
          {add.label}
        </button>
      ) : null}
    </>
  );
}

/** The trash button that removes one row (entity, field, endpoint, index); `label` names what it removes. */
function RemoveButton({
  label,
  onClick,
  className,
  children,
}: {
  label: string;
  onClick(): void;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `${BTN_QUIET} ${className}` : BTN_QUIET}
      onClick={onClick}
      aria-label={label}
    >
      <Icon name="trash" className="h-4 w-4" />
      {children}
    </button>
  );
}

/** Phase 3: core entities, the API and the data model, as structured rows. */
export function ApiPhase({ problem, attempt, dispatch, onNext }: PhaseProps) {
  const answer = attempt.api ?? EMPTY_API;
  const set = (next: ApiAnswer) => dispatch({ type: 'api', answer: next });
  const messages = useMemo(() => apiMessages(answer), [answer]);
  const requirements = visibleRequirements(problem, attempt.asked);
  // After adding a row, focus its first control; after removing one, the list's add button (once rendered).
  const focusNext = useRef<string | null>(null);
  const setFocusId = (id: string) => {
    focusNext.current = id;
  };
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const editEntity = (id: string, f: (e: EntityAnswer) => EntityAnswer) =>
    set({ ...answer, entities: answer.entities.map((e) => (e.id === id ? f(e) : e)) });
  const editField = (entityId: string, fieldId: string, patch: Partial<FieldAnswer>) =>
    editEntity(entityId, (e) => ({ ...e, fields: e.fields.map((f) => (f.id === fieldId ? { ...f, ...patch } : f)) }));
  const editEndpoint = (id: string, patch: Partial<EndpointAnswer>) =>
    set({ ...answer, endpoints: answer.endpoints.map((e) => (e.id === id ? { ...e, ...patch } : e)) });

  const addEntity = () => {
    const id = nextRowId(answer, 'e');
    const fieldId = `${id}-f1`;
    set({
      ...answer,
      entities: [
        ...answer.entities,
        {
          id,
          name: '',
          fields: [{ id: fieldId, name: 'id', type: 'id', ref: null }],
          primaryKey: [fieldId],
          indexes: [],
          partitionKey: null,
        },
      ],
    });
    setFocusId(`${id}-name`);
  };
  const removeEntity = (id: string) => {
    set({
      ...answer,
      entities: answer.entities
        .filter((e) => e.id !== id)
        .map((e) => ({ ...e, fields: e.fields.map((f) => (f.ref === id ? { ...f, ref: null } : f)) })),
    });
    setFocusId('api-add-entity');
  };
  const addField = (entityId: string) => {
    const id = nextRowId(answer, 'f');
    editEntity(entityId, (e) => ({ ...e, fields: [...e.fields, { id, name: '', type: 'text', ref: null }] }));
    setFocusId(`${id}-name`);
  };
  const removeField = (entityId: string, fieldId: string) => {
    editEntity(entityId, (e) => ({
      ...e,
      fields: e.fields.filter((f) => f.id !== fieldId),
      primaryKey: e.primaryKey.filter((k) => k !== fieldId),
      indexes: e.indexes.map((ix) => ix.filter((k) => k !== fieldId)).filter((ix) => ix.length > 0),
      partitionKey: e.partitionKey === fieldId ? null : e.partitionKey,
    }));
    setFocusId(`${entityId}-add-field`);
  };
  const addEndpoint = () => {
    const id = nextRowId(answer, 'ep');
    set({
      ...answer,
      endpoints: [...answer.endpoints, { id, method: 'GET', path: '', serves: '', request: '', response: '' }],
    });
    setFocusId(`${id}-method`);
  };
  const removeEndpoint = (id: string) => {
    set({ ...answer, endpoints: answer.endpoints.filter((e) => e.id !== id) });
    setFocusId('api-add-endpoint');
  };

  const entityName = (e: EntityAnswer, i: number) => e.name.trim() || `Entity ${i + 1}`;

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
      <div className="min-w-0 space-y-6">
        <Step
          n={1}
          title="Core entities"
          hint="The things the system stores, each with its fields. Say what each field is: its own id, a reference to another entity’s id, a timestamp, an enum (a few values), a geo cell…"
        >
          <RowList
            items={answer.entities}
            className="space-y-4"
            empty="No entities yet. Add the first one: what does this system store?"
            add={{ id: 'api-add-entity', label: '+ Add an entity', onClick: addEntity }}
          >
            {(e, i) => {
              const msgId = `${e.id}-msgs`;
              return (
                <li key={e.id} className="rounded-lg border border-slate-200 p-3">
                  <div role="group" aria-label={`Entity ${entityName(e, i)}`}>
                    <div className="flex flex-wrap items-end gap-2">
                      <div className="min-w-0 flex-1">
                        <label htmlFor={`${e.id}-name`} className="block text-xs font-medium text-slate-700">
                          Entity name
                        </label>
                        <input
                          id={`${e.id}-name`}
                          value={e.name}
                          maxLength={80}
                          placeholder="e.g. Message"
                          aria-describedby={messages.has(e.id) ? msgId : undefined}
                          onChange={(ev) => editEntity(e.id, (x) => ({ ...x, name: ev.target.value }))}
                          className={`${INPUT} mt-1`}
                        />
                      </div>
                      <RemoveButton label={`Remove entity ${entityName(e, i)}`} onClick={() => removeEntity(e.id)}>
                        <span className="hidden sm:inline">Remove</span>
                      </RemoveButton>
                    </div>
                    <Messages id={msgId} messages={messages.get(e.id)} />
                    <fieldset className="mt-3">
                      <legend className="text-xs font-medium text-slate-700">Fields of {entityName(e, i)}</legend>
                      <ul className="mt-1.5 space-y-2">
                        {e.fields.map((f) => (
                          <li key={f.id}>
                            <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2 sm:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
                              <input
                                id={`${f.id}-name`}
                                aria-label={`Field name (${entityName(e, i)})`}
                                value={f.name}
                                maxLength={80}
                                placeholder="field_name"
                                aria-describedby={messages.has(f.id) ? `${f.id}-msgs` : undefined}
                                onChange={(ev) => editField(e.id, f.id, { name: ev.target.value })}
                                className={SMALL_INPUT}
                              />
                              <select
                                aria-label={`Type of ${f.name || 'field'}`}
                                value={f.type}
                                onChange={(ev) => {
                                  const type = ev.target.value as FieldType;
                                  editField(e.id, f.id, { type, ref: type === 'ref' ? f.ref : null });
                                }}
                                className={SMALL_SELECT}
                              >
                                {FIELD_TYPES.map((t) => (
                                  <option key={t} value={t}>
                                    {FIELD_TYPE_LABEL[t]}
                                  </option>
                                ))}
                              </select>
                              {f.type === 'ref' ? (
                                <select
                                  aria-label={`Entity ${f.name || 'the field'} refers to`}
                                  value={f.ref ?? ''}
                                  onChange={(ev) => editField(e.id, f.id, { ref: ev.target.value || null })}
                                  className={`${SMALL_SELECT} col-span-2 sm:col-span-1`}
                                >
                                  <option value="">Choose an entity…</option>
                                  {answer.entities.map((x, j) => (
                                    <option key={x.id} value={x.id}>
                                      {entityName(x, j)}
                                    </option>
                                  ))}
                                </select>
                              ) : (
                                <span className="hidden sm:block" />
                              )}
                              <RemoveButton
                                className="row-start-1 col-start-3 sm:col-start-4"
                                label={`Remove field ${f.name || '(unnamed)'} of ${entityName(e, i)}`}
                                onClick={() => removeField(e.id, f.id)}
                              />
                            </div>
                            <Messages id={`${f.id}-msgs`} messages={messages.get(f.id)} />
                          </li>
                        ))}
                      </ul>
                      <button
                        id={`${e.id}-add-field`}
                        type="button"
                        className={`${BTN_QUIET} mt-2`}
                        onClick={() => addField(e.id)}
                      >
                        + Add a field to {entityName(e, i)}
                      </button>
                    </fieldset>
                  </div>
                </li>
              );
            }}
          </RowList>
        </Step>

        <Step
          n={2}
          title="API"
          hint="One row per endpoint: its method, its path (parameters in braces, e.g. /users/{user_id}), the requirement it serves, and the fields it takes and returns (comma-separated)."
        >
          <RowList
            items={answer.endpoints}
            className="space-y-3"
            empty="No endpoints yet. Each requirement needs at least one."
            add={{ id: 'api-add-endpoint', label: '+ Add an endpoint', onClick: addEndpoint }}
          >
            {(ep, i) => {
              const msgId = `${ep.id}-msgs`;
              const describe = messages.has(ep.id) ? msgId : undefined;
              return (
                <li key={ep.id} className="rounded-lg border border-slate-200 p-3">
                  <fieldset>
                    <legend className="sr-only">Endpoint {i + 1}</legend>
                    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)_auto] gap-2">
                      <select
                        id={`${ep.id}-method`}
                        aria-label={`Method of endpoint ${i + 1}`}
                        value={ep.method}
                        onChange={(ev) => editEndpoint(ep.id, { method: ev.target.value as Method })}
                        className={`${SMALL_SELECT} font-mono`}
                      >
                        {METHODS.map((m) => (
                          <option key={m} value={m}>
                            {m}
                          </option>
                        ))}
                      </select>
                      <input
                        aria-label={`Path of endpoint ${i + 1}`}
                        value={ep.path}
                        maxLength={200}
                        placeholder="/resources/{resource_id}"
                        aria-describedby={describe}
                        onChange={(ev) => editEndpoint(ep.id, { path: ev.target.value })}
                        className={`${SMALL_INPUT} font-mono`}
                      />
                      <RemoveButton
                        label={`Remove endpoint ${i + 1}${ep.path ? ` ${ep.method} ${ep.path}` : ''}`}
                        onClick={() => removeEndpoint(ep.id)}
                      />
                    </div>
                    <div className="mt-2 grid gap-2 sm:grid-cols-3">
                      <label className="block text-xs font-medium text-slate-700">
                        Serves
                        <select
                          value={ep.serves}
                          aria-describedby={describe}
                          onChange={(ev) => editEndpoint(ep.id, { serves: ev.target.value })}
                          className={`${SMALL_SELECT} mt-1 font-normal`}
                        >
                          <option value="">Choose a requirement…</option>
                          {requirements.map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.text}
                            </option>
                          ))}
                        </select>
                      </label>
                      {ENDPOINT_FIELDS.map((x) => (
                        <label key={x.key} className="block text-xs font-medium text-slate-700">
                          {x.label}
                          <input
                            value={ep[x.key]}
                            maxLength={300}
                            placeholder={x.placeholder}
                            onChange={(ev) => editEndpoint(ep.id, { [x.key]: ev.target.value })}
                            className={`${SMALL_INPUT} mt-1 font-mono font-normal`}
                          />
                        </label>
                      ))}
                    </div>
                    <Messages id={msgId} messages={messages.get(ep.id)} />
                  </fieldset>
                </li>
              );
            }}
          </RowList>
        </Step>

        <Step
          n={3}
          title="Data model"
          hint="Each entity is a table: its primary key, the indexes your reads need, and the partition key that decides which partition each row lives on."
        >
          <RowList
            items={answer.entities}
            className="space-y-4"
            empty="Tables appear here as you add entities in step 1."
          >
            {(e, i) => (
              <TableRow
                key={e.id}
                entity={e}
                name={entityName(e, i)}
                messages={messages.get(`${e.id}:table`)}
                onChange={(f) => editEntity(e.id, f)}
                onFocus={setFocusId}
              />
            )}
          </RowList>
        </Step>

        <div className="flex justify-end">
          <button type="button" className={BTN_PRIMARY} onClick={onNext}>
            Next: design
            <Icon name="arrowRight" className="h-4 w-4" />
          </button>
        </div>
      </div>

      <aside aria-labelledby="api-reqs" className={`${CARD} h-fit p-5 lg:sticky lg:top-4`}>
        <h2 id="api-reqs" className="text-sm font-semibold text-slate-900">
          Requirements you know of
        </h2>
        <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-slate-700">
          {requirements.map((r) => (
            <li key={r.id}>{r.text}</li>
          ))}
        </ul>
        <p className="mt-3 text-xs leading-relaxed text-slate-600">
          Reads are GET; creates POST; updates PUT or PATCH. The review checks each endpoint, every key and index, and
          runs your partition key through the model’s hot-partition check.
        </p>
      </aside>
    </div>
  );
}

function FieldSelect({
  label,
  value,
  fields,
  onChange,
  none,
  id,
}: {
  label: string;
  value: string | null;
  fields: FieldAnswer[];
  onChange(v: string | null): void;
  none: string;
  id?: string;
}) {
  const own = useId();
  const selectId = id ?? own;
  return (
    <div>
      <label htmlFor={selectId} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select
        id={selectId}
        value={value ?? ''}
        onChange={(ev) => onChange(ev.target.value || null)}
        className={`${SMALL_SELECT} mt-1`}
      >
        <option value="">{none}</option>
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name.trim() || '(unnamed field)'}
          </option>
        ))}
      </select>
    </div>
  );
}

function TableRow({
  entity: e,
  name,
  messages,
  onChange,
  onFocus,
}: {
  entity: EntityAnswer;
  name: string;
  messages: string[] | undefined;
  onChange(f: (e: EntityAnswer) => EntityAnswer): void;
  onFocus(id: string): void;
}) {
  const key = (k: (string | null)[]) => k.filter((x): x is string => !!x);
  return (
    <li className="rounded-lg border border-slate-200 p-3">
      <div role="group" aria-label={`Table ${name}`}>
        <h3 className="text-sm font-semibold text-slate-900">{name}</h3>
        <fieldset className="mt-2 grid gap-2 sm:grid-cols-3">
          <legend className="sr-only">Keys of {name}</legend>
          <FieldSelect
            label={`Primary key of ${name}`}
            value={e.primaryKey[0] ?? null}
            fields={e.fields}
            none="None"
            onChange={(v) => onChange((x) => ({ ...x, primaryKey: key([v, x.primaryKey[1] ?? null]) }))}
          />
          <FieldSelect
            label="…then by (sort key)"
            value={e.primaryKey[1] ?? null}
            fields={e.fields}
            none="Nothing"
            onChange={(v) => onChange((x) => ({ ...x, primaryKey: key([x.primaryKey[0] ?? null, v]) }))}
          />
          <FieldSelect
            label={`Partition key of ${name}`}
            value={e.partitionKey}
            fields={e.fields}
            none="Not partitioned"
            onChange={(v) => onChange((x) => ({ ...x, partitionKey: v }))}
          />
        </fieldset>
        <Messages id={`${e.id}-table-msgs`} messages={messages} />
        <fieldset className="mt-3">
          <legend className="text-xs font-medium text-slate-700">Indexes of {name}</legend>
          {e.indexes.length === 0 ? <p className="mt-1 text-xs text-slate-600">No secondary indexes.</p> : null}
          <ul className="mt-1 space-y-2">
            {e.indexes.map((ix, j) => (
              <li key={j} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-end gap-2">
                <FieldSelect
                  id={`${e.id}-ix${j}`}
                  label={`Index ${j + 1} on`}
                  value={ix[0] ?? null}
                  fields={e.fields}
                  none="Choose a field…"
                  onChange={(v) =>
                    onChange((x) => ({
                      ...x,
                      indexes: x.indexes.map((k, n) => (n === j ? key([v, k[1] ?? null]) : k)),
                    }))
                  }
                />
                <FieldSelect
                  label="then by"
                  value={ix[1] ?? null}
                  fields={e.fields}
                  none="Nothing"
                  onChange={(v) =>
                    onChange((x) => ({
                      ...x,
                      indexes: x.indexes.map((k, n) => (n === j ? key([k[0] ?? null, v]) : k)),
                    }))
                  }
                />
                <RemoveButton
                  label={`Remove index ${j + 1} of ${name}`}
                  onClick={() => {
                    onChange((x) => ({ ...x, indexes: x.indexes.filter((_, n) => n !== j) }));
                    onFocus(`${e.id}-add-index`);
                  }}
                />
              </li>
            ))}
          </ul>
          <button
            id={`${e.id}-add-index`}
            type="button"
            className={`${BTN_QUIET} mt-1`}
            disabled={e.fields.length === 0}
            onClick={() => {
              onChange((x) => ({ ...x, indexes: [...x.indexes, []] }));
              onFocus(`${e.id}-ix${e.indexes.length}`);
            }}
          >
            + Add an index to {name}
          </button>
        </fieldset>
      </div>
    </li>
  );
}
