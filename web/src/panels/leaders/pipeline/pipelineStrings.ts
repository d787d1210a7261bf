// The pipeline board's words in 中文 and English. Its own table rather than i18n/strings.ts, which
// other parts of the leaders' panel are changing: the board is one feature in one folder. Keys are
// typed: a missing translation fails `tsc`.
import { useCallback } from 'react';
import type { PipelineStage } from '../../../data/generated/graphql.ts';
import type { Lang } from '../../../state/viewState.ts';
import { useView } from '../../../state/viewStore.ts';

const zh = {
  section: '招商进度',
  openBoard: '打开招商看板',
  boardTitle: '招商看板',
  close: '关闭',
  loading: '正在读取招商进度…',
  empty: '还没有企业在招商进度中。在下方的招商目标中点“加入招商进度”。',
  columnEmpty: '（无）',
  loadFailed: '无法读取招商进度：',
  retry: '重试',
  counts: '{n} 家企业在跟进',
  team: '负责小组',
  teamNone: '未分配',
  due: '下一步截止',
  dueNone: '无',
  dueHint: '如 2026-12 或 2026-12-15',
  note: '备注',
  lastChange: '最近变更',
  moveTo: '移至阶段',
  movePrev: '上一阶段：{stage}',
  moveNext: '下一阶段：{stage}',
  edit: '编辑',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消',
  history: '变更记录（{n}）',
  automatic: '自动',
  created: '加入',
  addToPipeline: '加入招商进度',
  adding: '正在加入…',
  onPipeline: '招商进度：{stage}',
  writeFailed: '未能保存：',
  signInToWrite: '修改招商进度需要编辑（editor）或管理员令牌。',
  allTeams: '全部小组',
  filterTeam: '按小组筛选',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel',
  exporting: '正在导出…',
  exportFailed: '导出失败：',
  dragHint: '可拖动卡片到其他列，或用卡片上的按钮移动。',
  since: '自 {date}',
  by: '{who}',
} as const;

export type PipelineStringKey = keyof typeof zh;

const en: Record<PipelineStringKey, string> = {
  section: 'Recruitment pipeline',
  openBoard: 'Open the pipeline board',
  boardTitle: 'Recruitment pipeline',
  close: 'Close',
  loading: 'Reading the pipeline…',
  empty: 'No firm is on the pipeline yet. Press “Add to pipeline” on a target below.',
  columnEmpty: '(none)',
  loadFailed: 'Could not read the pipeline: ',
  retry: 'Retry',
  counts: '{n} firms followed',
  team: 'Team',
  teamNone: 'unassigned',
  due: 'Next step due',
  dueNone: 'none',
  dueHint: 'e.g. 2026-12 or 2026-12-15',
  note: 'Note',
  lastChange: 'Last change',
  moveTo: 'Move to stage',
  movePrev: 'Previous stage: {stage}',
  moveNext: 'Next stage: {stage}',
  edit: 'Edit',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  history: 'History ({n})',
  automatic: 'automatic',
  created: 'added',
  addToPipeline: 'Add to pipeline',
  adding: 'Adding…',
  onPipeline: 'Pipeline: {stage}',
  writeFailed: 'Not saved: ',
  signInToWrite: 'Changing the pipeline needs an editor’s or an admin’s token.',
  allTeams: 'All teams',
  filterTeam: 'Filter by team',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel',
  exporting: 'Exporting…',
  exportFailed: 'Export failed: ',
  dragHint: 'Drag a card to another column, or move it with its buttons.',
  since: 'since {date}',
  by: '{who}',
};

export const STAGE_NAMES: Record<Lang, Record<PipelineStage, string>> = {
  zh: { TO_CONTACT: '待接触', CONTACTED: '已接触', VISITED: '已考察', SIGNED: '已签约', LANDED: '已落地', DROPPED: '放弃' },
  en: { TO_CONTACT: 'To contact', CONTACTED: 'Contacted', VISITED: 'Visited', SIGNED: 'Signed', LANDED: 'Landed', DROPPED: 'Dropped' },
};

const DICTS: Record<Lang, Record<PipelineStringKey, string>> = { zh, en };

export function translatePipeline(lang: Lang, key: PipelineStringKey, vars?: Record<string, string | number>): string {
  let s = DICTS[lang][key];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

/** The board's translator and stage names for the current UI language. */
export function usePipelineT(): { t: (key: PipelineStringKey, vars?: Record<string, string | number>) => string; stageName: (s: PipelineStage) => string; lang: Lang } {
  const { lang } = useView();
  const t = useCallback((key: PipelineStringKey, vars?: Record<string, string | number>) => translatePipeline(lang, key, vars), [lang]);
  const stageName = useCallback((s: PipelineStage) => STAGE_NAMES[lang][s], [lang]);
  return { t, stageName, lang };
}
