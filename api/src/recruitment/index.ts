// Chain gaps and recruitment targets (issue 6). The API's schema loader merges these in;
// the recruitment work fills them.
export const recruitmentTypeDefs: string[] = [];
export const recruitmentResolvers: Record<string, Record<string, unknown>> = {};
