// The superscript numbers after a fact, pointing at its footnotes. Plain text, not `#fn-n` links:
// the hash is the briefing's route.
export function FootnoteRef({ nums }: { nums: number[] | undefined }) {
  if (!nums?.length) return null;
  return <sup className="fn-ref">[{nums.join(',')}]</sup>;
}
