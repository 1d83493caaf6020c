// Syntax tree -> CheckedProgram (program.ts), the backends' input. Only called
// on a tree the checks accepted without error: every name resolves, every
// duration has a valid unit. A broken precondition is a bug in a check and
// throws; it is never a user error.

import type {
  ConditionNode,
  DurationNode,
  OperatorNode,
  PerRuleNode,
  PointsNode,
  ProgramNode,
  SelectorNode,
  StatementNode,
  WhenRuleNode,
} from './ast';
import { DURATION_UNITS, SELECTORS, isDurationUnit, isFixedSelector, resolveAttribute, type ResolvedAttribute } from './catalog';
import type { CheckedProgram, CheckedRule, Condition, Dimension, EventFilter, NumberOp, PropertyTest } from './program';
import { visit } from './visit';

export function lower(program: ProgramNode): CheckedProgram {
  return { rules: program.statements.map(lowerStatement) };
}

/**
 * The explicit dimension, else: a `per` rule is engagement; a `when` rule is
 * engagement if its condition looks at any event or `inactive`, else fit.
 */
export function inferDimension(rule: WhenRuleNode | PerRuleNode): Dimension {
  if (rule.dimension) return rule.dimension.value;
  if (rule.kind === 'PerRule') return 'engagement';
  let events = false;
  const onEvent = () => {
    events = true;
  };
  visit(rule.condition, { HasEvent: onEvent, Count: onEvent, Inactive: onEvent });
  return events ? 'engagement' : 'fit';
}

function lowerStatement(statement: StatementNode): CheckedRule {
  const base = { line: statement.range.start.line, text: statement.text };
  switch (statement.kind) {
    case 'WhenRule':
      return { ...base, kind: 'when', dimension: inferDimension(statement), points: points(statement.points), condition: condition(statement.condition) };
    case 'PerRule': {
      const within = statement.clauses.find((c) => c.kind === 'Within');
      const max = statement.clauses.find((c) => c.kind === 'Max');
      const decay = statement.clauses.find((c) => c.kind === 'Decay');
      return {
        ...base,
        kind: 'per',
        dimension: inferDimension(statement),
        points: points(statement.points),
        filter: filter(statement.selector),
        withinMs: within?.kind === 'Within' ? ms(within.duration) : null,
        max: max?.kind === 'Max' ? max.value.value : null,
        decay: decay?.kind === 'Decay' ? { percent: decay.percent.value, everyMs: ms(decay.every) } : null,
      };
    }
    case 'QualifyRule':
      return { ...base, kind: 'qualify', stage: statement.stage.value, condition: condition(statement.condition) };
    case 'DisqualifyRule':
      return { ...base, kind: 'disqualify', condition: condition(statement.condition) };
    default: {
      const _exhaustive: never = statement;
      return _exhaustive;
    }
  }
}

function points(node: PointsNode): number {
  return node.sign === '-' && node.value.value !== 0 ? -node.value.value : node.value.value;
}

export function ms(node: DurationNode): number {
  if (!isDurationUnit(node.unit)) throw bug(`duration without a valid unit at line ${node.range.start.line}`);
  return node.value * DURATION_UNITS[node.unit];
}

const NUMBER_OPS: Readonly<Record<string, NumberOp>> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

function numberOp(node: OperatorNode): NumberOp {
  const op = NUMBER_OPS[node.value];
  if (!op) throw bug(`"${node.value}" is not a comparison operator`);
  return op;
}

function condition(node: ConditionNode): Condition {
  switch (node.kind) {
    case 'Or':
      return { kind: 'or', items: node.items.map(condition) };
    case 'And':
      return { kind: 'and', items: node.items.map(condition) };
    case 'Not':
      return { kind: 'not', item: condition(node.operand) };
    case 'Comparison': {
      const attribute = resolved(resolveAttribute(node.attribute)).ref;
      const op = node.operator.value;
      const value = node.value;
      if (op === 'contains' || op === 'starts_with' || op === 'ends_with') {
        if (value.kind !== 'String') throw bug('text operator without text');
        return { kind: 'text', attribute, op, value: value.value };
      }
      if (value.kind === 'String' && (op === '=' || op === '!=')) {
        return { kind: 'stringCompare', attribute, op: op === '=' ? 'eq' : 'ne', value: value.value };
      }
      if (value.kind !== 'Number') throw bug('comparison without a number');
      return { kind: 'numberCompare', attribute, op: numberOp(node.operator), value: value.value };
    }
    case 'In': {
      const attribute = resolved(resolveAttribute(node.attribute));
      const items = node.list.items;
      const numbers = items.length > 0 ? items[0].kind === 'Number' : attribute.type === 'number';
      if (numbers) {
        const values = items.map((i) => (i.kind === 'Number' ? i.value : Number.NaN));
        if (values.some(Number.isNaN)) throw bug('mixed list');
        return { kind: 'numberIn', attribute: attribute.ref, values, negated: node.negated };
      }
      const values = items.map((i) => (i.kind === 'String' ? i.value : null));
      return { kind: 'stringIn', attribute: attribute.ref, values: values.filter((v): v is string => v !== null), negated: node.negated };
    }
    case 'IsSet':
      return { kind: 'isSet', attribute: resolved(resolveAttribute(node.attribute)).ref, negated: node.negated };
    case 'HasEvent':
      return { kind: 'hasEvent', filter: filter(node.selector), withinMs: node.within ? ms(node.within) : null };
    case 'Count': {
      if (node.value.kind !== 'Number') throw bug('count compared with a non-number');
      const withinMs = node.within ? ms(node.within) : null;
      return { kind: 'countCompare', filter: filter(node.selector), withinMs, op: numberOp(node.operator), value: node.value.value };
    }
    case 'Inactive': {
      if (node.value.kind !== 'Duration') throw bug('inactive compared with a non-duration');
      return { kind: 'inactive', op: numberOp(node.operator), ms: ms(node.value) };
    }
    default: {
      const _exhaustive: never = node;
      return _exhaustive;
    }
  }
}

function filter(node: SelectorNode): EventFilter {
  const name = node.name.value;
  const texts = node.args.map((a) => (a.kind === 'String' ? a.value : null));
  if (isFixedSelector(name)) {
    const spec = SELECTORS[name];
    const value = texts[0];
    const properties: PropertyTest[] = value == null ? [] : [{ key: spec.key, op: spec.op, value }];
    return { type: spec.type, properties };
  }
  const [type, ...rest] = node.args;
  if (name !== 'event' || type?.kind !== 'String') throw bug(`unknown selector "${name}"`);
  const properties = rest.map((arg): PropertyTest => {
    if (arg.kind !== 'NamedArgument' || arg.value.kind !== 'String') throw bug('event property without text');
    return { key: arg.name.value, op: 'eq', value: arg.value.value };
  });
  return { type: type.value, properties };
}

function resolved(attribute: ResolvedAttribute | null): ResolvedAttribute {
  if (attribute === null) throw bug('unresolved attribute');
  return attribute;
}

function bug(what: string): Error {
  return new Error(`DSL lowering: ${what}; a check should have reported this`);
}
