import type { FactScope } from '../../domain/as-of';
import { ENDED_STATUSES, lifecycle } from '../../domain/lifecycle';
import type { Confidence } from '../../domain/lifecycle';
import type { FactDefinition } from '../../facts/fact-definition';
import { factState, lifecycleFieldsOf, scopeOfRecord } from '../../facts/fact-lifecycle';
import type { FactRecord } from '../../facts/fact-record';
import { toMoney } from '../money.type';
import { parsePartialDate, type PartialDate } from '../../domain/partial-date';
import type { FactEventType, FactStateType } from './fact-event.types';

/** A fact's history as GraphQL shows it: its events and those its dates imply, each with the state it left. */
export function historyOf(definition: FactDefinition, fact: FactRecord): FactEventType[] {
  return lifecycle(lifecycleFieldsOf(definition, fact)).map(({ event, derived, status, money, optionOpenUntil }) => ({
    kind: event.kind,
    on: event.on,
    amountUsd: event.amountUsd ?? null,
    ceilingUsd: event.ceilingUsd ?? null,
    deadline: event.deadline ?? null,
    note: event.note ?? null,
    sourceIds: derived ? [...fact.sourceIds] : [...(event.sourceIds ?? [])],
    derived,
    status,
    money: toMoney(money),
    optionOpenUntil,
  }));
}


/** A fact's state on a date: the given one, else the date of the answer it came in, else today. */
export function stateOf(definition: FactDefinition, fact: FactRecord, asOf: PartialDate | null | undefined, includeImprecise: boolean | null | undefined): FactStateType {
  const base = scopeOfRecord(fact);
  const scope: FactScope = { ...base, asOf: asOf === undefined || asOf === null ? base.asOf : asOf, includeImprecise: includeImprecise ?? base.includeImprecise };
  const state = factState(fact, scope);
  const date = fact[definition.dateField] as PartialDate | null;
  return {
    asOf: scope.asOf,
    known: state.known,
    status: state.status,
    inForce: state.known && state.status !== null && !ENDED_STATUSES.includes(state.status),
    money: toMoney(state.money),
    optionOpenUntil: state.optionOpenUntil ? parsePartialDate(state.optionOpenUntil) : null,
    confidence: fact.confidence as Confidence,
    datePrecision: date?.precision ?? 'DAY',
  };
}
