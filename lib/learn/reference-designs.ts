/**
 * The stages' reference designs (content/stages/stage-N.json), imported
 * statically so the sandbox's "Start from" menu works offline and the files
 * ship with the build. This is the one module that imports them.
 *
 * To add a stage's design: import its JSON below and list it in `RAW`.
 */
import stage1 from '@/content/stages/stage-1.json';
import stage2 from '@/content/stages/stage-2.json';
import stage3 from '@/content/stages/stage-3.json';
import stage4 from '@/content/stages/stage-4.json';
import stage5 from '@/content/stages/stage-5.json';
import stage6 from '@/content/stages/stage-6.json';
import stage7 from '@/content/stages/stage-7.json';
import stage8 from '@/content/stages/stage-8.json';
import { parseDesign } from '@/lib/design/schema';
import { stableJson } from '@/lib/design/stable-json';
import type { Design } from '@/lib/engine/data';
import { stageSpec } from '@/lib/rules/stages';
import { formatUsers } from '@/lib/shared/format';

const RAW: readonly { stage: number; doc: unknown }[] = [
  { stage: 1, doc: stage1 },
  { stage: 2, doc: stage2 },
  { stage: 3, doc: stage3 },
  { stage: 4, doc: stage4 },
  { stage: 5, doc: stage5 },
  { stage: 6, doc: stage6 },
  { stage: 7, doc: stage7 },
  { stage: 8, doc: stage8 },
];

export interface ReferenceDesign {
  stage: number;
  title: string;
  users: string;
  design: Design;
}

function load(): ReferenceDesign[] {
  const out: ReferenceDesign[] = [];
  for (const { stage, doc } of RAW) {
    const parsed = parseDesign(doc);
    const spec = stageSpec(stage);
    if (!parsed.ok || !spec) {
      // A broken content file must not take the sandbox down; the unit test names it.
      continue;
    }
    out.push({ stage, title: spec.name, users: formatUsers(spec.users), design: parsed.design });
  }
  return out.sort((a, b) => a.stage - b.stage);
}

export const REFERENCE_DESIGNS: readonly ReferenceDesign[] = load();

/** Every listed file, parsed, for the test that keeps them valid. */
export function checkReferenceDesigns(): { stage: number; ok: boolean; issues: string[] }[] {
  return RAW.map(({ stage, doc }) => {
    // Checked as new designs: content must not lean on a param being dropped.
    const parsed = parseDesign(doc, { newDesign: true });
    return { stage, ok: parsed.ok, issues: parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`) };
  });
}

/** What the model scores in a design: its components with their parameters, its connections and its workload (not positions, labels or ids of connections). */
function modelShape(design: Design): string {
  const nodes = design.nodes.map((n) => stableJson({ id: n.id, kind: n.kind, params: n.params ?? {} })).sort();
  const edges = design.edges.map((e) => stableJson({ source: e.source, target: e.target, params: e.params ?? {} })).sort();
  return stableJson({ nodes, edges, workload: design.workload ?? {} });
}

/**
 * Whether `design` is the stage's reference solution as loaded (moved or
 * renamed, but with the same components, parameters and connections): it
 * passes, but it is not the learner's own work, so it does not mark the
 * lesson done.
 */
export function isReferenceSolution(design: Design, stage: number): boolean {
  const reference = REFERENCE_DESIGNS.find((r) => r.stage === stage)?.design;
  return reference !== undefined && modelShape(design) === modelShape(reference);
}
