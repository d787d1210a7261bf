import type { NodeRecord } from '@cangshan/model';
import { stated } from './source.ts';

const EIGHT = '2019年,仓山区创造性提出了招商统筹协调、“一把手”招商、区领导认领任务、专职小分队、一线考察和督查、重点项目评估和审核、项目保障、项目资源共享等八项机制';

function mechanism(id: string, name: string, nameEn: string, description: string, aliases: string[], ...quotes: string[]): NodeRecord {
  return { id, label: 'Mechanism', name, nameEn, aliases, description, kind: 'mechanism', introducedOn: '2019', ...stated(EIGHT, ...quotes) };
}

function practice(id: string, name: string, nameEn: string, description: string, aliases: string[], introducedOn: string | null, ...quotes: string[]): NodeRecord {
  return { id, label: 'Mechanism', name, nameEn, aliases, description, kind: 'practice', introducedOn, ...stated(...quotes) };
}

/** The eight recruitment mechanisms of 2019 and the service practices the article names. */
export const mechanisms: NodeRecord[] = [
  mechanism('mech-coordination', '招商统筹协调', 'Coordinated investment promotion', 'District-level coordination of investment promotion.', []),
  mechanism('mech-top-leader', '一把手招商', '"Number one" leads recruitment', 'The district party and government heads lead recruitment in person; first of its kind in the district ("首创").', ['“一把手”招商', '一把手'], '得益于仓山区从去年以来首创的招商新机制——“一把手招商”充分落实'),
  mechanism('mech-leader-tasks', '区领导认领任务', 'District leaders claim recruitment tasks', 'Each district leader claims recruitment tasks.', ['区领导认领招商任务'], '区领导认领招商任务等八项新机制成效凸显'),
  mechanism('mech-task-teams', '专职小分队', 'Dedicated recruitment squads', 'Full-time squads; 39 of them went out in 2019.', ['招商小分队'], '39支招商小分队纷纷“走出去”'),
  mechanism('mech-field-inspection', '一线考察和督查', 'Front-line inspection and supervision', 'Leaders inspect on site and supervise progress.', []),
  mechanism('mech-key-project-review', '重点项目评估和审核', 'Key-project evaluation and review', 'Key projects are evaluated and reviewed.', []),
  mechanism('mech-project-support', '项目保障', 'Project support guarantees', 'Guarantees for projects (sites, funds, approvals).', [], '协调解决项目在场所、资金、审批等方面的瓶颈问题'),
  mechanism('mech-resource-sharing', '项目资源共享', 'Project resource sharing', 'Project leads are shared across the district.', []),
  practice('mech-special-team', '专班服务', 'Dedicated service team', 'A dedicated team (服务专班) coordinates everything a project needs.', ['服务专班', '专班'], null, '成立服务专班,负责协调各项工作', '仓山区成立专班服务'),
  practice('mech-turnkey', '拎包入驻', 'Move in with just a bag (turnkey landing)', 'Approvals first, paperwork later (先行受理、及时发照), so a firm moves in at once.', ['拎包入驻服务'], null, '先行受理、及时发照,实现企业‘拎包入驻’', '让企业“拎包入驻”'),
  practice('mech-nanny', '保姆式服务', 'Nanny-style (all-round) service', 'All-round service from signing to landing and growth.', ['保姆式'], null, '为项目落地提供“保姆式”服务', '“保姆式”服务 帮助企业孵化产业链'),
  practice('mech-cloud-signing', '云签约', 'Cloud signing (online contract signing)', 'Projects signed online during the epidemic; 19 in 2020-03.', ['云签约服务'], '2020', '福州仓山区“云签约”19个项目'),
  practice('mech-online-promotion', '线上招商工作机制', 'Online investment-promotion mechanism', 'Recruitment by modern technical means during the epidemic.', ['线上招商'], '2020', '已引入“线上招商工作机制”'),
];
