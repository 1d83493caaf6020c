// The demo's scoring model: the example of the language reference, tuned to
// the demo data, with MQL and SQL stages, published so that `npm start` shows
// scored and staged leads at once.

import type { ScoringModelQuery } from '../scoring/scoringModel.query';
import type { ScoringModelService } from '../scoring/scoringModel.service';

export const DEMO_MODEL_SOURCE = `# Fit: who they are
+15 when employees >= 200
+10 when industry in ["SaaS", "Fintech"]
-30 when email ends_with "@gmail.com" or email ends_with "@yahoo.com"
fit +5 when title contains "director" or title contains "vp" or title starts_with "c"
+5 when attributes.plan = "enterprise"
-25 when title in ["Student", "Intern"]

# Engagement: what they do
+10 when visited("/pricing")
+20 when submitted("demo-request") within 30d
+2 per visited("/blog/*") within 30d max 20
+3 per opened_email() max 15 decay 50% every 14d
+5 when count(clicked_email("spring-launch")) >= 2
+8 when event("webinar_attended") within 60d
-20 when inactive > 90d

# Stages
qualify "SQL" when submitted("demo-request") within 14d
disqualify when email ends_with "@competitor.example"
`;

export const DEMO_THRESHOLDS = [
  { stage: 'MQL', minScore: 40 },
  { stage: 'SQL', minScore: 70 },
];

/**
 * Creates and publishes the demo model when the workspace has no model yet;
 * returns the number of leads it scored (0 when skipped).
 */
export async function seedDemoModel(admin: ScoringModelService, models: ScoringModelQuery, workspaceId: string): Promise<number> {
  if ((await models.models(workspaceId)).length) return 0;
  const model = await admin.createScoringModel(workspaceId, {
    name: 'Core product',
    description: 'Demo model: fit from firmographics, engagement from web, email, forms and webinars.',
    isDefault: true,
    source: DEMO_MODEL_SOURCE,
    thresholds: DEMO_THRESHOLDS,
  });
  const { outcome } = await admin.publishModel(workspaceId, model.id);
  return outcome.rescored;
}
