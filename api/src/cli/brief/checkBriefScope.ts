// Before printing: does the anchor or chain exist? Asked of the in-process API like any client,
// so an unknown id is a usage error that lists the ids there are, not a PDF of an error page.
import { z } from 'zod';
import { BriefUsageError, type BriefArgs } from './parseBriefArgs.ts';

const Answer = z.object({
  data: z.object({
    anchors: z.array(z.object({ id: z.string(), name: z.string() })),
    chains: z.array(z.object({ id: z.string(), name: z.string() })),
    enterprise: z.object({ id: z.string(), name: z.string(), isAnchor: z.boolean() }).nullable().optional(),
  }),
});

const QUERY = `query BriefScope($id: ID!, $hasAnchor: Boolean!) {
  anchors { id name }
  chains { id name }
  enterprise(id: $id) @include(if: $hasAnchor) { id name isAnchor }
}`;

/** The scope in words for the progress line ("今日头条 (toutiao)'s circle"); throws BriefUsageError for an unknown id. */
export async function checkBriefScope(serverUrl: string, args: Pick<BriefArgs, 'anchor' | 'chain'>): Promise<string> {
  const res = await fetch(new URL('graphql', serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { id: args.anchor ?? '', hasAnchor: args.anchor !== null } }),
  });
  const { data } = Answer.parse(await res.json());
  const list = (xs: { id: string; name: string }[]) => xs.map((x) => `  ${x.id.padEnd(22)} ${x.name}`).join('\n');
  if (args.anchor !== null && !data.enterprise) {
    throw new BriefUsageError(
      `unknown anchor id "${args.anchor}". The anchors in this database:\n${list(data.anchors)}\n` +
        'Any firm id works too: the explorer shows a selected firm’s id in its URL (?sel=…), GraphiQL answers search(query: "名称") { id name }.',
    );
  }
  const chain = args.chain === null ? null : data.chains.find((c) => c.id === args.chain);
  if (args.chain !== null && !chain) throw new BriefUsageError(`unknown chain id "${args.chain}". The chains in this database:\n${list(data.chains)}`);
  const parts = [data.enterprise ? `${data.enterprise.name} (${data.enterprise.id})'s circle` : null, chain ? `${chain.name} (${chain.id})` : null].filter(Boolean);
  return parts.length ? parts.join(', ') : 'the whole district';
}
