// Plain shapes of the scoring domain, as services return them.

import type { GradeBands } from '../dsl/program';

export interface ScoringModelRecord {
  workspaceId: string;
  id: string;
  name: string;
  description: string | null;
  minScore: number;
  maxScore: number;
  gradeBands: GradeBands;
  isDefault: boolean;
  draftVersion: number | null;
  publishedVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ModelVersionRecord {
  modelId: string;
  version: number;
  source: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface ThresholdRecord {
  modelId: string;
  stage: string;
  minScore: number;
  minFit: number | null;
  position: number;
}

export interface LeadScoreRecord {
  modelId: string;
  leadId: string;
  version: number;
  total: number;
  fit: number;
  engagement: number;
  grade: string;
  stage: string | null;
  explanation: { line: number; rule: string; dimension: 'fit' | 'engagement'; points: number; eventCount: number | null }[];
  computedAt: Date;
}

export interface ScoreChangeRecord {
  at: Date;
  version: number;
  total: number;
  fit: number;
  engagement: number;
  stage: string | null;
}

export interface ThresholdEventRecord {
  id: string;
  workspaceId: string;
  modelId: string;
  leadId: string;
  version: number;
  fromStage: string | null;
  toStage: string | null;
  direction: 'UP' | 'DOWN';
  totalBefore: number | null;
  totalAfter: number;
  occurredAt: Date;
}

export const MODEL_COLUMNS = `m.workspace_id AS "workspaceId", m.id, m.name, m.description, m.min_score AS "minScore",
  m.max_score AS "maxScore", m.grade_bands AS "gradeBands", m.is_default AS "isDefault",
  m.draft_version AS "draftVersion", m.published_version AS "publishedVersion", m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;

export const VERSION_COLUMNS = `v.model_id AS "modelId", v.version, v.source, v.created_at AS "createdAt", v.published_at AS "publishedAt"`;

export const THRESHOLD_COLUMNS = `t.model_id AS "modelId", t.stage, t.min_score AS "minScore", t.min_fit AS "minFit", t.position`;

export const THRESHOLD_EVENT_COLUMNS = `te.id::text AS id, te.workspace_id AS "workspaceId", te.model_id AS "modelId", te.lead_id AS "leadId",
  te.version, te.from_stage AS "fromStage", te.to_stage AS "toStage", te.direction, te.total_before AS "totalBefore",
  te.total_after AS "totalAfter", te.occurred_at AS "occurredAt"` as const;
