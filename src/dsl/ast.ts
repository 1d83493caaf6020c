// The syntax tree the grammar (grammar/rules.peggy) builds: source-shaped, and
// allowed to hold what the checker will reject (a missing sign, a number with
// no unit, an unknown attribute, a clause on the wrong rule). Every node has a
// `kind` and a `range` in the whole source.

/** A point in the source: 0-based offset, 1-based line and column (UTF-16 code units). */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** From the first character to just after the last one. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

interface Node {
  readonly range: Range;
}

// ---------------------------------------------------------------- program and statements

export interface ProgramNode extends Node {
  readonly kind: 'Program';
  readonly statements: readonly StatementNode[];
}

interface StatementBase extends Node {
  /** The statement's source text: no surrounding space, no trailing comment. */
  readonly text: string;
  /** Any clauses written after the condition or selector, in source order. */
  readonly clauses: readonly ClauseNode[];
}

/** `[fit|engagement] ±N when COND` */
export interface WhenRuleNode extends StatementBase {
  readonly kind: 'WhenRule';
  readonly dimension: DimensionNode | null;
  readonly points: PointsNode;
  readonly condition: ConditionNode;
}

/** `[fit|engagement] ±N per SELECTOR [within DUR] [max M] [decay P% every DUR]` */
export interface PerRuleNode extends StatementBase {
  readonly kind: 'PerRule';
  readonly dimension: DimensionNode | null;
  readonly points: PointsNode;
  readonly selector: SelectorNode;
}

/** `qualify "STAGE" when COND` */
export interface QualifyRuleNode extends StatementBase {
  readonly kind: 'QualifyRule';
  readonly stage: StringNode;
  readonly condition: ConditionNode;
}

/** `disqualify when COND` */
export interface DisqualifyRuleNode extends StatementBase {
  readonly kind: 'DisqualifyRule';
  readonly condition: ConditionNode;
}

export type StatementNode = WhenRuleNode | PerRuleNode | QualifyRuleNode | DisqualifyRuleNode;

export interface DimensionNode extends Node {
  readonly kind: 'Dimension';
  readonly value: 'fit' | 'engagement';
}

/** `+10`, `-2.5`; sign is null when the author forgot it. */
export interface PointsNode extends Node {
  readonly kind: 'Points';
  readonly sign: '+' | '-' | null;
  readonly value: NumberNode;
}

// ---------------------------------------------------------------- clauses

export interface WithinClauseNode extends Node {
  readonly kind: 'Within';
  readonly duration: DurationNode;
}

export interface MaxClauseNode extends Node {
  readonly kind: 'Max';
  readonly value: NumberNode;
}

/** `decay P% every DUR` */
export interface DecayClauseNode extends Node {
  readonly kind: 'Decay';
  readonly percent: NumberNode;
  readonly every: DurationNode;
}

export type ClauseNode = WithinClauseNode | MaxClauseNode | DecayClauseNode;

// ---------------------------------------------------------------- conditions

/** Two or more conditions joined by `or`. */
export interface OrNode extends Node {
  readonly kind: 'Or';
  readonly items: readonly ConditionNode[];
}

/** Two or more conditions joined by `and`. */
export interface AndNode extends Node {
  readonly kind: 'And';
  readonly items: readonly ConditionNode[];
}

export interface NotNode extends Node {
  readonly kind: 'Not';
  readonly operand: ConditionNode;
}

/** `ATTRIBUTE OP VALUE` with a comparison or text operator. */
export interface ComparisonNode extends Node {
  readonly kind: 'Comparison';
  readonly attribute: AttributeNode;
  readonly operator: OperatorNode;
  readonly value: ValueNode;
}

/** `ATTRIBUTE [not] in [..]` */
export interface InNode extends Node {
  readonly kind: 'In';
  readonly attribute: AttributeNode;
  readonly negated: boolean;
  readonly list: ListNode;
}

/** `ATTRIBUTE is [not] set` */
export interface IsSetNode extends Node {
  readonly kind: 'IsSet';
  readonly attribute: AttributeNode;
  readonly negated: boolean;
}

/** `SELECTOR [within DUR]` */
export interface HasEventNode extends Node {
  readonly kind: 'HasEvent';
  readonly selector: SelectorNode;
  readonly within: DurationNode | null;
}

/** `count(SELECTOR [within DUR]) OP VALUE` */
export interface CountNode extends Node {
  readonly kind: 'Count';
  readonly selector: SelectorNode;
  readonly within: DurationNode | null;
  readonly operator: OperatorNode;
  readonly value: ValueNode;
}

/** `inactive OP VALUE` */
export interface InactiveNode extends Node {
  readonly kind: 'Inactive';
  readonly operator: OperatorNode;
  readonly value: ValueNode;
}

export type ConditionNode =
  | OrNode
  | AndNode
  | NotNode
  | ComparisonNode
  | InNode
  | IsSetNode
  | HasEventNode
  | CountNode
  | InactiveNode;

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type TextOperator = 'contains' | 'starts_with' | 'ends_with';

export interface OperatorNode extends Node {
  readonly kind: 'Operator';
  readonly value: ComparisonOperator | TextOperator;
}

// ---------------------------------------------------------------- names, selectors, values

export interface NameNode extends Node {
  readonly kind: 'Name';
  readonly value: string;
}

/** Any dotted name as written: `employees`, `attributes.plan`, `employes`. */
export interface AttributeNode extends Node {
  readonly kind: 'Attribute';
  readonly path: readonly NameNode[];
}

/** Any call as written: `visited("/pricing")`, `event("x", plan = "pro")`, `vistied("/")`. */
export interface SelectorNode extends Node {
  readonly kind: 'Selector';
  readonly name: NameNode;
  readonly args: readonly ArgumentNode[];
}

/** `KEY = VALUE` inside a selector call. */
export interface NamedArgumentNode extends Node {
  readonly kind: 'NamedArgument';
  readonly name: NameNode;
  readonly value: ValueNode;
}

export type ArgumentNode = ValueNode | NamedArgumentNode;

export interface StringNode extends Node {
  readonly kind: 'String';
  /** With escapes resolved. */
  readonly value: string;
}

export interface NumberNode extends Node {
  readonly kind: 'Number';
  readonly value: number;
  /** As written, e.g. `2.50` or `-3`. */
  readonly raw: string;
}

/** A number followed by a unit, or a bare number where a duration is expected (unit null). */
export interface DurationNode extends Node {
  readonly kind: 'Duration';
  readonly value: number;
  /** The number as written, without the unit. */
  readonly raw: string;
  /** As written: `h`, `d`, `w` are valid, anything else is for the checker to report. */
  readonly unit: string | null;
}

export interface ListNode extends Node {
  readonly kind: 'List';
  readonly items: readonly ValueNode[];
}

export type ValueNode = StringNode | NumberNode | DurationNode | ListNode;

export type AstNode =
  | ProgramNode
  | StatementNode
  | DimensionNode
  | PointsNode
  | ClauseNode
  | ConditionNode
  | OperatorNode
  | NameNode
  | AttributeNode
  | SelectorNode
  | NamedArgumentNode
  | ValueNode;

export type AstKind = AstNode['kind'];
