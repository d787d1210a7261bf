/** A firm's registry status (登记状态), as the graph stores it. */
export const FIRM_STATUSES = ['active', 'closed', 'revoked', 'movedOut', 'suspended', 'liquidating'] as const;
export type FirmStatus = (typeof FIRM_STATUSES)[number];

/** The statuses that mean the firm has left the district's register. */
export const LEFT_STATUSES = ['closed', 'revoked', 'movedOut'] as const;
export type LeftKind = (typeof LEFT_STATUSES)[number];

/**
 * How a firm left: one of LEFT_STATUSES, or `notInFullExport` when a planner imported an export
 * stated complete (`--full`) and the firm was not in it.
 */
export const LEFT_HOWS = [...LEFT_STATUSES, 'notInFullExport'] as const;
export type LeftHow = (typeof LEFT_HOWS)[number];
